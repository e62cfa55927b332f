// dayjs set-up shared by the whole app: Asia/Shanghai display, zh-CN / en locales.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import 'dayjs/locale/zh-cn.js';
import 'dayjs/locale/en.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';
export { dayjs };
