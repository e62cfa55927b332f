// Demo data entered from the 2021 contract (its text: docs/contract/BJRBJ2021010.txt).
// 电子政务运维项目服务合同 BJRBJ2021010「网络安全支持服务运行维护等（2021 年度）」.
//
// Sources:
// - Contract figures (number, dates, parties, sites, rooms, service lines, periods, fees,
//   hours, scope, staffing tables) are taken from the contract text; each service line below
//   cites its clauses.
// - Departments and people are INVENTED demo data: the contract names no departments
//   or individuals, and gives no e-mail, fax, postcode, legal representative or bank account.
//   The phone numbers, mobiles and e-mail addresses of people are made up.
//
// Notes on the text:
// - 第一条1: procurement no. 2141STC61449, run by the procurement agency 中钢招标有限责任公司.
// - 第三条 / 第四条2(4): 本项目最终合同金额以财政资金实际情况为准.
// - 第一条2 writes the agency address as 「永定门内西街5号」; 附件一 writes 「永定门西街5号」.
//   Both are kept as written (party address vs. site address).
import { serviceLines2021 } from './contract2021-lines.ts';
import { people2021 } from './contract2021-people.ts';
import type { DemoContract } from './types.ts';

export const contract2021: DemoContract = {
  number: 'BJRBJ2021010',
  title: '网络安全支持服务运行维护等（2021 年度）',
  signedAt: '2021-08-30',
  signedPlace: '北京市人力资源和社会保障局',
  procurementNumber: '2141STC61449', // 中钢招标有限责任公司采购编号（第一条1）
  totalFee: 1550000.0, // 第三条：¥1550000.00 壹佰伍拾伍万元整；附件三 总计
  bondPercent: 10, // 第四条2(2)：合同总价款 10%，即 ¥155,000.00
  bondDueWorkingDays: 20, // 双方签署合同后 20 个工作日内
  bondValidUntil: '2022-09-03', // 履约保函有效截止日

  // 第一条2 (address and phone only; the contract gives no postcode, fax or e-mail).
  // 第一条3 names no bank or account number, so bankAccounts stays empty for both parties.
  parties: [
    {
      key: 'agency',
      name: '北京市人力资源和社会保障局',
      shortName: '北京市人社局',
      address: '北京市西城区永定门内西街5号',
      phone: '63167838',
      bankAccounts: [],
    },
    {
      key: 'contractor',
      name: '北京国信博飞科技发展有限公司',
      shortName: '国信博飞',
      address: '北京市海淀区西直门北大街32号枫蓝国际A座1108室',
      phone: '88142195',
      bankAccounts: [],
    },
  ],

  // 附件一 一(二)、二(二)、三(二)、四(二) 运维地点 and the rooms named in the scope text.
  // 附件一 二(二) lists three addresses in the same order as the three install locations;
  // the address of each site follows that order.
  sites: [
    {
      key: 'west',
      name: '西办公区',
      address: '北京市西城区永定门西街5号',
      rooms: [
        {
          key: 'west-monitor',
          name: '监控中心',
          purpose:
            '安全监控系统：监控中心内办公设备、安全设备、网络设备、视频设备及相关服务器、基础环境（附件一 一(一)、1.1(1)、2.2(1)(2)）',
        },
        {
          key: 'west-dc',
          name: '中心机房西区',
          building: '北京市人力资源和社会保障局办公楼',
          purpose: '网络安全设备安装位置：防火墙、入侵防御系统等安全设备及流量管理系统（附件一 三(二)、三(一)2）',
        },
        {
          key: 'west-core',
          name: '机房',
          purpose:
            '核心路由交换、机房核心交换机至各应用系统的网络交换设备；机房内网络平台、网络设备 24 小时监控（附件一 二(一)、2.2(6)）。合同未写明该机房是否即中心机房西区',
        },
        {
          key: 'west-idf',
          name: '楼层网络分配线间',
          purpose: '楼层网络分配线间内的网络设备（附件一 二(一)）',
        },
        {
          key: 'west-meeting3',
          name: '第三会议室',
          building: '北京市人力资源和社会保障局办公楼',
          purpose: '视频会议系统安装位置（视频会议室）：5 类视频会议系统设备、显示设备、音频设备、投影机（附件一 四(二)、2.2(5)(6)）',
        },
      ],
    },
    {
      key: 'liuliqiao',
      name: '六里桥办公区',
      address: '丰台区西三环南路1号',
      rooms: [
        {
          key: 'liuliqiao-bldg',
          name: '六里桥办公区楼内',
          purpose: '网络接入维护和局域网（互联网、电子政务外网）网络设备（附件一 二(一)(二)）',
        },
      ],
    },
    {
      key: 'city-hall',
      name: '市府大楼',
      address: '宣武区槐柏树街2号',
      rooms: [
        {
          key: 'city-hall-bldg',
          name: '市府大楼楼内',
          purpose: '网络接入维护和局域网（互联网、电子政务外网）网络设备；1 名技术人员 5×9 驻现场（附件一 二(一)(二)、4.2）',
        },
      ],
    },
  ],

  // 演示数据（合同未列部门）：invented departments. 信息中心/财务处/就业促进处 also give the
  // three-level asset management of 附件一 8.2 (信息化部门、财务部门、业务部门) someone to point at.
  departments: [
    { party: 'agency', name: '信息中心' },
    { party: 'agency', name: '办公室' },
    { party: 'agency', name: '财务处' },
    { party: 'agency', name: '就业促进处' },
    { party: 'contractor', name: '运维服务部' },
    { party: 'contractor', name: '网络安全服务部' },
    { party: 'contractor', name: '视频会议技术部' },
  ],

  people: people2021, // contract2021-people.ts
  serviceLines: serviceLines2021, // contract2021-lines.ts
};
