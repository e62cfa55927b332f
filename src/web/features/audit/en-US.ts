// en-US strings of the audit screens, merged into the app's dictionary through feature.tsx. The zh-CN source
// text is the key (see src/web/i18n/index.tsx); a string several features use lives in src/web/i18n/en-US.ts.
export const EN: Record<string, string> = {
  修改前: 'Before',
  修改后: 'After',
  '前缀，如 auth.': 'Prefix, e.g. auth.',
  哈希链断开: 'broken hash link',
  审计链完整: 'The audit chain is intact',
  审计链校验未通过: 'The audit chain failed verification',
  对象类型: 'Object type',
  对象编号: 'Object ID',
  '已校验 {n} 条记录（至第 {seq} 条），未发现篡改或缺失。': '{n} records checked (up to #{seq}); nothing changed or missing.',
  序号: 'Seq',
  操作人: 'Actor',
  无详情: 'No detail',
  '来源 IP': 'Source IP',
  查询: 'Search',
  校验审计链: 'Verify audit chain',
  用户名或姓名: 'Username or name',
  '登录、退出、失败尝试与每一次写操作：谁、何时、从何处、做了什么、修改前后；记录以哈希链防篡改，保存不少于 180 天':
    'Every sign-in, sign-out, failure and write: who, when, from where, what, before and after; hash-chained against tampering and kept at least 180 days',
  登录与会话: 'Sign-in and sessions',
  '第 {seq} 条：{reason}。已校验 {n} 条记录。': 'Record #{seq}: {reason}. {n} records checked.',
  记录内容被篡改: 'record changed',
  记录缺失: 'record missing',
  请求编号: 'Request ID',
  重置: 'Reset',
};
