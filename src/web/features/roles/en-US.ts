// en-US strings of the roles screens, merged into the app's dictionary through feature.tsx. The zh-CN source
// text is the key (see src/web/i18n/index.tsx); a string several features use lives in src/web/i18n/en-US.ts.
export const EN: Record<string, string> = {
  '三员角色的权限固定，不能修改；一个账号不得兼任其中两个。':
    'The three administrator roles have fixed permissions; no account may hold two of them.',
  中文名称: 'Chinese name',
  内置: 'Built-in',
  '删除角色“{name}”？': 'Delete the role {name}?',
  安全管理: 'Security',
  安全管理员: 'Security admin',
  审计管理员: 'Audit admin',
  新建角色: 'New role',
  权限: 'Permissions',
  权限已保存: 'Permissions saved',
  权限数: 'Permissions',
  用户数: 'Users',
  系统管理员: 'System admin',
  英文名称: 'English name',
  角色代码: 'Role code',
  '角色代码以小写字母开头，只含小写字母、数字和下划线': 'Starts with a lower-case letter; lower-case letters, digits and underscores only',
  '角色及其权限；系统管理员、安全管理员、审计管理员三员分立':
    'Roles and their permissions; system, security and audit administrators are kept apart',
  请输入中文名称: 'Enter the Chinese name',
  请输入英文名称: 'Enter the English name',
  请输入角色代码: 'Enter the role code',
};
