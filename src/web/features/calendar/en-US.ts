// en-US strings of the calendar screens, merged into the app's dictionary through feature.tsx. The zh-CN source
// text is the key (see src/web/i18n/index.tsx); a string several features use lives in src/web/i18n/en-US.ts.
export const EN: Record<string, string> = {
  上一年: 'Previous year',
  下一年: 'Next year',
  全年工作日: 'Working days',
  周末: 'Weekend',
  '如 国庆节': 'e.g. National Day',
  导入节假日文件: 'Import holiday file',
  工作日: 'Working day',
  '已导入 {year} 年节假日安排，共 {n} 条': 'Imported {year}: {n} entries',
  '文件不是有效的 JSON': 'The file is not valid JSON',
  文件未通过校验: 'The file did not pass validation',
  日历已更新: 'Calendar updated',
  普通日: 'Ordinary day',
  法定节假日: 'Statutory holiday',
  '法定节假日与调休安排（北京时间），服务时限、合同期限与排班据此计算工作日':
    'Statutory holidays and make-up workdays (Beijing time): SLA clocks, contract deadlines and rosters count working days from them',
  '点击日期可设为法定节假日、调休上班或恢复为普通日；下一年的安排可导入国务院办公厅通知整理的 holiday-cn 格式文件。':
    "Click a date to make it a holiday, a make-up workday or ordinary again; import next year's arrangement as a holiday-cn file compiled from the State Council notice.",
  节日名称: 'Holiday name',
  '设置 {date}': 'Set {date}',
  '请输入节日名称，如 国庆节': "Enter the holiday's name, e.g. National Day",
  调休上班: 'Make-up workday',
};
