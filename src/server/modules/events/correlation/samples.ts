// Correlation rules every demo starts with and the tests use (issue 13 point 3): brute force then a
// successful login from the same source (enabled), and repeated attacks from one source (to try).
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
