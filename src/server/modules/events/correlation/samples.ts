// Correlation rules every demo starts with and the tests use (issue 13 point 3): brute force then a
// successful login from the same source (enabled), and repeated attacks from one source (to try); the
// traffic attacks of R-MON-04: large flows from one source, and floods / DDoS the devices report.
export const BRUTE_FORCE_RULE = `title: 暴力破解后登录成功
level: high
window: 10m
group_by: srcIp
detection:
  failed:
    category: auth
    message|contains: [登录失败, failed]
  success:
    category: auth
    message|contains: [登录成功, logged in]
condition: failed >= 5 then success
`;

export const REPEATED_ATTACK_RULE = `title: 同一来源 10 分钟内多次攻击
level: medium
window: 10m
group_by: srcIp
detection:
  attack:
    category: attack
condition: attack >= 10
`;

export const MANY_USERS_RULE = `title: 同一来源尝试多个账号
level: high
window: 10m
group_by: srcIp
detection:
  failed:
    category: auth
    message|contains: 登录失败
condition: failed | count(user) >= 3
`;

/** R-MON-04: one source moving 1 GB or more (both directions, its sessions summed) within 5 minutes. */
export const LARGE_FLOW_RULE = `title: 同一来源 5 分钟内大流量
level: high
window: 5m
group_by: srcIp
detection:
  flow:
    category: traffic
condition: flow | sum(bytes) >= 1000000000
`;

/** R-MON-04: a flood or (D)DoS the firewall or IPS reported, per attacked address. */
export const FLOOD_RULE = `title: 泛洪/DDoS 攻击
level: high
window: 5m
group_by: dstIp
detection:
  flood:
    category: flood
condition: flood
`;
