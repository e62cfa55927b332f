// en-US strings of the home screens, merged into the app's dictionary through feature.tsx. The zh-CN source
// text is the key (see src/web/i18n/index.tsx); a string several features use lives in src/web/i18n/en-US.ts.
export const EN: Record<string, string> = {
  '人员配置：已到岗 / 应配': 'Staffing: filled / required',
  今天: 'Today',
  '剩余 {n} 天': '{n} days left',
  '合同履行一览：各服务项目的服务期、费用、热线时间与人员到岗情况':
    "The contract at a glance: each service line's period, fee, hotline hours and staffing",
  合同详情: 'Contract details',
  尚未录入合同: 'No contract has been entered yet',
  已到岗: 'Filled',
  '已到岗/应配': 'Filled/required',
  年度服务费构成: 'Annual fee by service line',
  应配: 'Required',
  '您好，{name}': 'Hello, {name}',
  '您的账号尚未分配角色，请联系安全管理员。': 'Your account has no role yet. Contact the security administrator.',
  '欢迎使用运维服务合同管理平台。您当前的角色：': 'Welcome to the O&M service contract platform. Your roles:',
  签订于: 'signed',
};
