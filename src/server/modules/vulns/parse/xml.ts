// A strict, bounded XML walk for scanner reports (issue 13, bad input). saxes is a non-validating
// parser that never reads a DTD: no external entity is fetched (XXE) and no entity is expanded
// (billion laughs), an undeclared entity reference is an error. On top of that a DOCTYPE with an internal
// subset or an external id is refused outright, and the element count, the depth, the findings and the time are capped while streaming.
// Every failure is a 422 with a Chinese message; nothing is stored (the caller parses before writing).
import { SaxesParser } from 'saxes';
import { cleanText } from '../../../../common/text.ts';
import { Invalid } from '../../../kernel/errors.ts';
import type { ImportLimits } from './types.ts';

export interface XmlHandlers {
  /** An element opened; `path` holds the names of its ancestors and itself (local names). */
  open(name: string, attrs: Record<string, string>, path: readonly string[]): void;
  /** An element closed with its own text (trimmed; children's text excluded). */
  close(name: string, text: string, path: readonly string[]): void;
}

export const xmlRefused = (detail: string) => new Invalid('vulns.xml_invalid', `导入文件不是有效的扫描报告：${detail}，未写入任何数据`);

const CHUNK = 64 * 1024;

/** Walks the document; throws 422 vulns.xml_invalid / vulns.too_large / vulns.too_slow. */
export function walkXml(bytes: Buffer, h: XmlHandlers, limits: ImportLimits): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const path: string[] = [];
  const texts: string[] = [];
  let elements = 0;
  const deadline = Date.now() + limits.maxMs;
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  parser.on('doctype', (doctype) => {
    // R-SEC-04 / issue 13: a bare `<!DOCTYPE nmaprun>` (nmap writes one) names the root and nothing
    // else; an internal subset (where ENTITY declarations live) or an external id (SYSTEM/PUBLIC) is
    // refused, so no entity can be declared, fetched or expanded.
    if (/[[\]<]|\b(SYSTEM|PUBLIC)\b/i.test(doctype))
      throw new Invalid('vulns.xml_doctype', '导入文件包含 DOCTYPE 实体声明或外部引用，出于安全原因拒绝解析，未写入任何数据');
  });
  parser.on('opentag', (tag) => {
    if (++elements > limits.maxElements)
      throw new Invalid('vulns.too_large', `导入文件的元素超过 ${limits.maxElements} 个，请拆分后分批导入`);
    const name = local(tag.name);
    path.push(name);
    texts.push('');
    if (path.length > limits.maxDepth) throw xmlRefused(`嵌套超过 ${limits.maxDepth} 层`);
    h.open(name, tag.attributes, path);
  });
  const addText = (t: string) => {
    const i = texts.length - 1;
    if (i < 0) return;
    // Keep at most a little more than a field may hold: a 50 MB text node is never copied whole.
    if (texts[i]!.length <= limits.maxTextChars) texts[i] += t.slice(0, limits.maxTextChars + 1);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const text = cleanText(texts.pop() ?? '').trim();
    h.close(local(tag.name), text.length > limits.maxTextChars ? `${text.slice(0, limits.maxTextChars)}…` : text, path);
    path.pop();
  });
  const str = bytes.toString('utf8');
  try {
    for (let at = 0; at < str.length; at += CHUNK) {
      if (Date.now() > deadline) throw new Invalid('vulns.too_slow', `解析导入文件超过 ${limits.maxMs / 1000} 秒，请拆分后分批导入`);
      parser.write(str.slice(at, at + CHUNK));
    }
    parser.close();
  } catch (e) {
    if (e instanceof Invalid) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    // saxes: "1:23: undefined entity: foo" — the place helps the person fix the file.
    const where = /^(\d+):(\d+)/.exec(msg);
    throw xmlRefused(where ? `第 ${where[1]} 行第 ${where[2]} 列格式错误` : 'XML 格式错误');
  }
}
