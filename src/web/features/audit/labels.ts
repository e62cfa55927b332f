// Readable names for audit actions and object types.
export const ACTION_PREFIXES: { value: string; zh: string; en: string }[] = [
  { value: 'auth.', zh: '登录与会话', en: 'Sign-in and sessions' },
  { value: 'auth.login', zh: '登录', en: 'Sign-in' },
  { value: 'user.', zh: '用户', en: 'Users' },
  { value: 'role.', zh: '角色', en: 'Roles' },
  { value: 'token.', zh: 'API 令牌', en: 'API tokens' },
  { value: 'audit.', zh: '审计', en: 'Audit' },
  { value: 'calendar.', zh: '工作日历', en: 'Calendar' },
  { value: 'party.', zh: '单位', en: 'Parties' },
  { value: 'site.', zh: '地点', en: 'Sites' },
  { value: 'room.', zh: '房间', en: 'Rooms' },
  { value: 'department.', zh: '部门', en: 'Departments' },
  { value: 'person.', zh: '人员', en: 'People' },
  { value: 'contract.', zh: '合同', en: 'Contract' },
  { value: 'service_line.', zh: '服务项目', en: 'Service lines' },
  { value: 'staffing.', zh: '人员配置', en: 'Staffing' },
];

export const OBJECT_TYPES: Record<string, { zh: string; en: string }> = {
  user: { zh: '用户', en: 'User' },
  role: { zh: '角色', en: 'Role' },
  api_token: { zh: 'API 令牌', en: 'API token' },
  calendar: { zh: '日历', en: 'Calendar' },
  calendar_day: { zh: '日历日期', en: 'Calendar day' },
  party: { zh: '单位', en: 'Party' },
  site: { zh: '地点', en: 'Site' },
  room: { zh: '房间', en: 'Room' },
  department: { zh: '部门', en: 'Department' },
  person: { zh: '人员', en: 'Person' },
  contract: { zh: '合同', en: 'Contract' },
  service_line: { zh: '服务项目', en: 'Service line' },
  staffing: { zh: '人员配置', en: 'Staffing' },
};
