// Minimal types of the PNG reader the label tests use to decode QR codes (pngjs ships none).
declare module 'pngjs' {
  export const PNG: { sync: { read(buf: Buffer): { width: number; height: number; data: Buffer } } };
}
