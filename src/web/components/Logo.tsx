// The product mark: a blue tile with a heartbeat line over a check (service kept running).
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" style={{ flex: 'none', display: 'block' }}>
      <defs>
        <linearGradient id="yw-g" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#2f7be0" />
          <stop offset="1" stopColor="#1554ad" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="14" fill="url(#yw-g)" />
      <path d="M10 34h10l5-12 8 22 6-15 4 5h11" fill="none" stroke="#fff" strokeWidth="4.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Brand({ collapsed = false, dark = true }: { collapsed?: boolean; dark?: boolean }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
      <LogoMark size={30} />
      {!collapsed && (
        <div style={{ lineHeight: 1.15, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <div style={{ color: dark ? '#fff' : '#0b2447', fontWeight: 600, fontSize: 17, letterSpacing: 2 }}>运维</div>
          <div style={{ color: dark ? 'rgba(255,255,255,0.6)' : '#667085', fontSize: 11, letterSpacing: 0.5 }}>Yunwei</div>
        </div>
      )}
    </div>
  );
}
