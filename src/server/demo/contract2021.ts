// Demo data entered from the 2021 contract: /work/shared/seed/000_a46c794828b2699b.txt
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

  // 演示数据（合同未列任何个人）：invented people.
  // Staffing against the 附件一 四 tables:
  //   SM  2/2 (项目经理, 网络工程师)                             full
  //   NET 5/5 (项目经理, 高级 1, 中级 1, 初级 2)                 full
  //   SEC 3/4 (项目经理, 高级 1, 初级 1 of 2)                    one 初级网络安全工程师 short
  //   VC  3/4 (项目经理, 高级硬件工程师 1, 系统工程师 1 of 2)    one 系统工程师 short
  // One project manager fills the 项目经理 row of all four tables.
  people: [
    // agency (甲方)
    {
      party: 'agency',
      department: '信息中心',
      name: '王建国',
      title: '信息中心主任（甲方项目负责人）',
      phone: '010-63167838',
      mobile: '13801126458',
      email: 'wangjianguo@rsj.example.gov.cn',
      username: 'agency.manager',
    },
    {
      party: 'agency',
      department: '信息中心',
      name: '刘静',
      title: '信息中心工程师（甲方指派专人，负责维护协调及维护报告测试确认）',
      phone: '010-63167839',
      mobile: '13910257731',
      email: 'liujing@rsj.example.gov.cn',
      username: 'agency.contact',
    },
    {
      party: 'agency',
      department: '财务处',
      name: '孙丽华',
      title: '财务处会计',
      phone: '010-63167851',
      mobile: '13661082947',
      email: 'sunlihua@rsj.example.gov.cn',
      username: 'agency.finance',
    },
    {
      party: 'agency',
      department: '就业促进处',
      name: '周敏',
      title: '就业促进处资产管理员（业务部门保管人）',
      phone: '010-63167865',
      mobile: '13552017486',
      email: 'zhoumin@rsj.example.gov.cn',
      username: 'agency.dept',
    },
    {
      party: 'agency',
      department: '就业促进处',
      name: '赵晓燕',
      title: '就业促进处科员（自助报修）',
      phone: '010-63167862',
      mobile: '13581690243',
      email: 'zhaoxiaoyan@rsj.example.gov.cn',
      username: 'agency.staff',
    },

    // contractor (乙方): accounts
    {
      party: 'contractor',
      department: '运维服务部',
      name: '张海涛',
      title: '项目经理',
      phone: '010-88142195',
      mobile: '13718846502',
      email: 'zhanghaitao@gxbf.example.cn',
      username: 'pm',
      serviceLines: ['SM', 'NET', 'SEC', 'VC'],
      staffRole: '项目经理',
    },
    {
      party: 'contractor',
      department: '运维服务部',
      name: '李明',
      title: '网络工程师（安全监控系统运维人员，驻场）',
      mobile: '15011437628',
      email: 'liming@gxbf.example.cn',
      username: 'eng.sm',
      serviceLines: ['SM'],
      staffRole: '网络工程师',
    },
    {
      party: 'contractor',
      department: '运维服务部',
      name: '陈志强',
      title: '中级网络工程师（网管工程师，西办公区驻场）',
      mobile: '18610372954',
      email: 'chenzhiqiang@gxbf.example.cn',
      username: 'eng.net',
      serviceLines: ['NET'],
      staffRole: '中级网络工程师',
    },
    {
      party: 'contractor',
      department: '网络安全服务部',
      name: '杨帆',
      title: '高级网络安全工程师',
      mobile: '13520648817',
      email: 'yangfan@gxbf.example.cn',
      username: 'eng.sec',
      serviceLines: ['SEC'],
      staffRole: '高级网络安全工程师',
    },
    {
      party: 'contractor',
      department: '视频会议技术部',
      name: '黄伟',
      title: '高级硬件工程师（视频会议系统）',
      mobile: '15801293346',
      email: 'huangwei@gxbf.example.cn',
      username: 'eng.vc',
      serviceLines: ['VC'],
      staffRole: '高级硬件工程师',
    },
    {
      party: 'contractor',
      department: '运维服务部',
      name: '马晓燕',
      title: '服务热线值班员（热线专人；不属附件一 四 人员配备表岗位）',
      phone: '010-88142196',
      mobile: '18801047765',
      email: 'maxiaoyan@gxbf.example.cn',
      username: 'duty',
      serviceLines: ['SM', 'NET', 'SEC', 'VC'],
    },
    {
      party: 'contractor',
      name: '何志勇',
      title: '第三方厂商工程师（安全设备原厂售后，非乙方人员，重要访问及维护须审批）',
      mobile: '13391756208',
      email: 'hezhiyong@hxsec.example.cn',
      username: 'vendor',
    },

    // contractor (乙方): staff without accounts
    {
      party: 'contractor',
      department: '运维服务部',
      name: '赵永刚',
      title: '高级网络工程师（机动网络管理工程师）',
      mobile: '13601175390',
      email: 'zhaoyonggang@gxbf.example.cn',
      serviceLines: ['NET'],
      staffRole: '高级网络工程师',
    },
    {
      party: 'contractor',
      department: '运维服务部',
      name: '周晓东',
      title: '初级网络工程师（西办公区驻场）',
      mobile: '15210938864',
      email: 'zhouxiaodong@gxbf.example.cn',
      serviceLines: ['NET'],
      staffRole: '初级网络工程师',
    },
    {
      party: 'contractor',
      department: '运维服务部',
      name: '吴磊',
      title: '初级网络工程师（市府大楼驻场）',
      mobile: '18511620473',
      email: 'wulei@gxbf.example.cn',
      serviceLines: ['NET'],
      staffRole: '初级网络工程师',
    },
    {
      party: 'contractor',
      department: '网络安全服务部',
      name: '郑雪',
      title: '初级网络安全工程师（终端安全，驻场）',
      mobile: '13811907526',
      email: 'zhengxue@gxbf.example.cn',
      serviceLines: ['SEC'],
      staffRole: '初级网络安全工程师',
    },
    {
      party: 'contractor',
      department: '视频会议技术部',
      name: '林涛',
      title: '系统工程师（视频会议系统）',
      mobile: '15901348297',
      email: 'lintao@gxbf.example.cn',
      serviceLines: ['VC'],
      staffRole: '系统工程师',
    },
  ],

  serviceLines: [
    // SM — 第二条3 序号1（服务期间）；附件一 一（一）范围、（二）地点、（三）3.2/4.2 热线及现场 5×9、
    // 10.2 甲乙双方关系、（四）人员配备表及各岗位主要工作内容；附件二1(1)；附件三 一（106800.00）。
    {
      code: 'SM',
      name: '安全监控系统运行保障',
      periodStart: '2021-01-01',
      periodEnd: '2021-12-31',
      fee: 106800.0,
      hoursProfile: '5x9',
      hotlineHours:
        '5x9，由专人提供（星期一至星期五 9:00-18:00，国家法定节假日除外；附件一 一 3.2、附件二1(1)）；附件二1(1) 另有应急电话 7×24',
      scope:
        '保障监控中心内办公设备、安全设备、网络设备、视频设备正常使用，定期检查设备使用情况，保障监控中心系统办公正常运行。' +
        '内容：监控中心基础环境保障；安全、网络、视频设备性能与负荷记录；第三方运维人员安全管理（重要访问及维护须严格审批）；' +
        'WINDOWS 操作系统安全策略调整；防火墙策略调整（访问控制、安全区域隔离、关闭易受攻击端口、带宽管理）；大流量攻击日常检测及响应；' +
        '设备及系统巡检、备品备件管理、设备及系统升级、设备维修、系统优化调试、系统配置管理；' +
        '设备停产/停保时向甲方汇报，由甲方提供新产品，乙方安装调试集成；服务热线、用户端现场支持、紧急响应；' +
        '运维统计与汇报（运维单、系统日监控单、周巡检单、月/年运维总结）；领导支持；运维资产（含备品备件）管理；信息化资产采购咨询；用户培训。',
      siteKeys: ['west'],
      roomKeys: ['west-monitor'],
      staffing: [
        {
          role: '项目经理',
          headcount: 1,
          qualifications: '项目管理能力、协调能力、组织能力强',
          duties:
            '岗位名称：项目经理。负责整个项目协调管理工作；负责整个项目日常工作，协调项目运维期间出现的各种问题，包括各种需求及变更管理等整个项目全面的工作（附件一 一（四））',
          onsite: false, // 合同未要求项目经理驻场
        },
        {
          role: '网络工程师',
          headcount: 1,
          qualifications: '熟悉网络设备配置管理',
          duties:
            '岗位名称：运维人员。负责安全监控设备的日常维护保障工作；负责网络设备的日常维护，定期维护，设备保养，咨询解答，保证网络监控系统的管理维护和正常使用（附件一 一（四））。' +
            '另：由专人提供 5×9 小时服务（3.2、4.2）；乙方成立运行维护小组并保障维护人员稳定，指派专人负责本系统运行维护（10.2(4)(5)）',
          onsite: true, // 附件二1(1) 5×9 日常驻场服务；3.2/4.2 由专人提供 5×9
        },
      ],
      clause: '第二条3；附件一 一（一）～（四）；附件二1(1)；附件三 一',
    },

    // NET — 第二条3 序号2；附件一 二（一）范围、（二）地点、2.2(1)(14) 二线值班及持证上岗、3.2 热线 7×24、
    // 4.2 驻场与机动人员、7.2(1) 应急、10.2(4)(8)(11) 人员编制及常驻、（四）人员配备表；附件三 二（476000.00）。
    {
      code: 'NET',
      name: '办公楼网络管理运行维护',
      periodStart: '2021-09-04',
      periodEnd: '2022-09-03',
      fee: 476000.0,
      hoursProfile: '7x24',
      hotlineHours:
        '7x24（附件一 二 3.2）；日常 5×9 驻场值班（4.2、附件二1(1)）；休息时间及节假日二线值班，故障 2 小时内到场、24 小时内解决（2.2(1)、7.2(1)）',
      scope:
        '西办公区楼内（核心路由交换、机房核心交换机至各应用系统的网络交换设备以及楼层网络分配线间内的网络设备）的网络接入维护和局域网' +
        '（互联网、电子政务外网、医保网和部省联网）维护；六里桥办公区及市府大楼的网络接入维护和局域网（互联网、电子政务外网）维护。' +
        '内容：网络运行情况了解与优化建议；按甲方网络变更通知单进行配置变更（变更前后备份配置并详细记录）；网络设备、线路归档登记并标识；' +
        '网络事件集中收集、过滤、归一化、归并、监视、浏览；路由器、核心交换机、接入交换机健康检查；网管软件监控节点间延迟、带宽利用率、端口速率；' +
        '定期备份全部网络设备配置；机房网络平台与设备 24 小时监控；网络拓扑、安全规则、设备配置；一般性故障排除、备件、急修及故障/应急处理报告；' +
        '季度巡检计划及巡检报告；故障 24 小时内向甲方报告；变更须经甲方同意并整理变更文档；持证上岗、定期培训考核、定期提供网络报告；' +
        '热线、现场支持、运维统计与汇报、领导支持、应急响应、资产管理、采购咨询、年度检查计划、维护管理档案、硬件损坏书面报告、用户网络知识培训。',
      siteKeys: ['west', 'liuliqiao', 'city-hall'],
      roomKeys: ['west-core', 'west-idf', 'liuliqiao-bldg', 'city-hall-bldg'],
      staffing: [
        {
          role: '项目经理',
          headcount: 1,
          qualifications: '项目管理能力、协调能力、组织能力强；持证上岗（2.2(14)）',
          duties:
            '岗位名称：项目经理。负责整个项目协调管理工作；负责整个项目日常工作，协调项目运维期间出现的各种问题，包括各种需求及变更管理等整个项目全面的工作（附件一 二（四））',
          onsite: false, // 合同未要求项目经理驻场
        },
        {
          role: '高级网络工程师',
          headcount: 1,
          qualifications: '熟悉各种网络方面的知识，有很丰富的网络工作经验；持证上岗（2.2(14)）',
          duties:
            '岗位名称：运维人员。负责网络体系的设计和规划；负责网络体系的规划和设计，网络运行分析和风险分析，安全评估以及方案的制定（附件一 二（四））。' +
            '另：4.2 要求 1 名机动网络管理工程师配合技术服务；休息时间及节假日二线值班，2 小时内到场（2.2(1)、7.2(1)）',
          onsite: false, // 按 4.2 的「机动网络管理工程师」理解（对应关系为推断）
        },
        {
          role: '中级网络工程师',
          headcount: 1,
          qualifications: '具备较好的网络知识，熟练掌握网络设备的维护及故障处理；持证上岗（2.2(14)）',
          duties:
            '岗位名称：运维人员。负责网络设备的日常维护工作；负责网络运维工作，包括故障诊断，网络策略，配置管理，状态监控，日志审查，事件管理，' +
            '网络设备策略调整服务，制定网络策略和网络管理服务（附件一 二（四））。另：4.2 要求 1 名网管工程师 5（天/周）×9（小时/天）正常值班，保证驻场技术服务',
          onsite: true, // 按 4.2 的「网管工程师」驻场值班理解（对应关系为推断）
        },
        {
          role: '初级网络工程师',
          headcount: 2,
          qualifications: '对网络有一定的了解，熟悉操作系统网络配置和网络信息点的维护；持证上岗（2.2(14)）',
          duties:
            '岗位名称：运维人员。负责操作系统网络配置和信息点维护工作；负责网络设备的日常维护，定期维护，设备保养，咨询解答（附件一 二（四））。' +
            '另：4.2 要求 1 名技术人员 5×9 驻现场实现市府大楼的技术服务工作；10.2(11) 要求指派 1—2 名专业人员常驻甲方现场，负责日常巡检和维护（合同未指明对应岗位）',
          onsite: true,
        },
      ],
      clause: '第二条3；附件一 二（一）～（四），含 2.2(1)(14)、3.2、4.2、7.2、10.2；附件三 二',
    },

    // SEC — 第二条3 序号3；附件一 三（一）1～10 范围（含 9 安全值守）、（二）地点、2.2、3.2 热线 7×24、
    // 4.2 驻场与机动人员、7.2(1) 应急、10.2(9)(12) 人员编制及常驻、（四）人员配备表；附件三 三（686800.00）。
    {
      code: 'SEC',
      name: '网络安全支持服务运行维护',
      periodStart: '2021-09-04',
      periodEnd: '2022-09-03',
      fee: 686800.0,
      hoursProfile: '7x24',
      hotlineHours:
        '7x24（附件一 三 3.2）；日常 5×9 驻场值班（4.2、附件二1(1)）；休息时间及节假日二线值班，故障 2 小时内到场、24 小时内解决（7.2(1)）',
      scope:
        '安全监控（监视通信数据流、捕捉可疑活动、实时响应报警、安全监控记录）；安全配置（定期调整防火墙、入侵防御系统等安全策略：访问控制、' +
        '安全区域隔离、关闭易受攻击端口、带宽管理、监控日志）；安全运行（网络安全建议、预警通报、安全分析报告，对内容、病毒、入侵、攻击信息全面监测预警）；' +
        '日志分析；漏洞扫描（可扫描 IP 范围内）；渗透测试；安全加固（依据渗透测试和漏洞扫描报告制定加固方案）；特征库升级及病毒代码升级；' +
        '安全值守（专业网络安全工程师现场值守）；安全设备维护（运行状态、指示灯、供电、策略、日志）。另：操作系统安全策略调整、入侵检测管理及审计报告、' +
        '定期备份全部安全设备配置、大流量攻击检测及响应、安全响应（防火墙策略、交换机端口阻断）；热线、现场支持（终端安全服务）、运维统计与汇报、' +
        '领导支持、应急响应、资产管理、采购咨询、年度检查计划、维护管理档案、硬件损坏书面报告、用户网络安全知识及安全客户端培训。',
      siteKeys: ['west'],
      roomKeys: ['west-dc'],
      staffing: [
        {
          role: '项目经理',
          headcount: 1,
          qualifications: '项目管理能力、协调能力、组织能力强',
          duties:
            '岗位名称：项目经理。负责整个项目协调管理工作；负责整个项目日常工作，协调项目运维期间出现的各种问题，包括各种需求及变更管理等整个项目全面的工作（附件一 三（四））',
          onsite: false, // 合同未要求项目经理驻场
        },
        {
          role: '高级网络安全工程师',
          headcount: 1,
          qualifications: '熟悉各种安全方面的知识，有很丰富的安全工作经验',
          duties:
            '岗位名称：运维人员。负责安全体系的设计和规划；负责安全体系的规划和设计，安全分析和风险分析，安全评估以及方案的制定（附件一 三（四））。' +
            '另：4.2 要求 1 名网络安全工程师 5×9 正常值班保证驻场技术服务、1 名机动网络安全工程师配合技术服务，而配备表只有本岗位 1 人可对应这两者；' +
            '一9 要求专业网络安全工程师现场值守；休息时间及节假日二线值班，2 小时内到场（7.2(1)）',
          onsite: false, // 按 4.2 的「机动网络安全工程师」理解（对应关系为推断）
        },
        {
          role: '初级网络安全工程师',
          headcount: 2,
          qualifications: '对信息安全有一定的了解，熟悉操作系统维护和安全客户端的维护',
          duties:
            '岗位名称：运维人员。负责操作系统和安全客户端的安全维护工作；负责安全设备的日常维护，定期维护，设备保养，咨询解答，病毒代码库升级服务，' +
            '漏洞扫描服务（附件一 三（四））。另：4.2 要求 2 名技术人员负责 5×9 小时驻现场提供终端安全服务；10.2(12) 要求指派专人负责安全服务，1—2 名专业人员常驻甲方现场，负责日常巡检和维护',
          onsite: true,
        },
      ],
      clause: '第二条3；附件一 三（一）～（四），含 一9、3.2、4.2、7.2、10.2；附件三 三',
    },

    // VC — 第二条3 序号4；附件一 四（一）范围、（二）地点、2.2、3.2 热线由专人 7×24、4.2 现场支持、
    // 10.2(4)(5) 运行维护小组、（四）人员配备表；附件三 四（280400.00）。
    {
      code: 'VC',
      name: '视频会议系统维护',
      periodStart: '2021-05-21',
      periodEnd: '2022-05-20',
      fee: 280400.0,
      hoursProfile: '7x24',
      hotlineHours: '7x24，由专人提供（附件一 四 3.2）',
      scope:
        '5 类视频会议系统的维保：与市政府加密视频会议系统、与市政府非加密视频会议系统、市区视频会议系统、应急视频会议和省部视频会议系统。' +
        '内容：会议调试和保障；设备巡查、视频会议室设施维护、备品备件管理；设备停产/停保时向甲方汇报，由甲方提供新产品，乙方安装调试集成；' +
        '系统日常维护、调试运行、调优；视频会议室显示设备、音频设备、投影机正常使用；每次会议前与各区县视频会议设备联调；' +
        '保障各区县与市局中心通讯，区县设备损坏提交技术报告、维修费用由区县自行解决；热线、现场支持（问题和解决方法反馈至服务中心备案）、' +
        '运维统计与汇报、领导支持、紧急响应、资产管理（含资产数据库）、采购咨询、用户培训（新增功能、新用户操作）。',
      siteKeys: ['west'],
      roomKeys: ['west-meeting3'],
      staffing: [
        {
          role: '项目经理',
          headcount: 1,
          qualifications: '项目管理能力、协调能力、组织能力强',
          duties:
            '岗位名称：项目经理。负责整个项目协调管理工作；负责整个项目日常工作，协调项目运维期间出现的各种问题，包括系统程序变更，各种需求及业务需求变更管理等整个项目全面的工作（附件一 四（四））',
          onsite: false, // 合同未要求项目经理驻场
        },
        {
          role: '高级硬件工程师',
          headcount: 1,
          qualifications: '熟悉控制系统的配置管理',
          duties:
            '岗位名称：运维人员。负责视频会议系统的调试工作；负责视频会议控制系统、监视系统和音响系统的调试工作，设备的状态监控与故障诊断，' +
            '系统的配置管理和系统的性能调优（附件一 四（四））。另：乙方成立运行维护小组并保障维护人员稳定，指派专人负责本系统运行维护（10.2(4)(5)）',
          onsite: false, // 四 4.2 只要求技术人员到现场处理，未规定驻场
        },
        {
          role: '系统工程师',
          headcount: 2,
          qualifications: '熟悉视频会议系统',
          duties:
            '岗位名称：运维人员。负责会议、控制、监视系统的调优工作；负责视频会议系统和视频系统的调试工作，设备的状态监控与故障诊断，' +
            '系统的配置管理和系统的性能调优（附件一 四（四））',
          onsite: false, // 四 4.2 只要求技术人员到现场处理，未规定驻场
        },
      ],
      clause: '第二条3；附件一 四（一）～（四）；附件三 四',
    },
  ],
};
