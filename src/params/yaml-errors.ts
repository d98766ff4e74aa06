/**
 * Our wording for the `yaml` package's errors and warnings. Its own messages are in
 * English only and end with a source excerpt; we keep the first sentence as a fallback.
 */
import type { YAMLError } from 'yaml';
import { text, type LocalizedText } from '../diagnostics.js';
import { problem, type Problem } from './messages.js';

const KNOWN: Record<string, [LocalizedText, LocalizedText?]> = {
  DUPLICATE_KEY: [text('this key appears twice in the same mapping', '同一映射中出现了重复的键'), text('keep one of the two', '请只保留一个')],
  TAB_AS_INDENT: [text('tabs are not allowed for indentation', '不能用 Tab 缩进'), text('indent with spaces', '请用空格缩进')],
  BAD_INDENT: [text('bad indentation', '缩进不正确'), text('align keys of the same mapping; close [ ] and { }', '同一层的键要对齐；[ ] 和 { } 要成对')],
  MISSING_CHAR: [text('a closing character is missing', '缺少结束符号'), text('check quotes, ] and }', '请检查引号、] 和 }')],
  BLOCK_AS_IMPLICIT_KEY: [text('a value cannot start a nested mapping on the same line', '值的同一行中不能再开始一个映射'), text('put quotes around a value that contains ": "', '值中含有“: ”时请加引号')],
  MULTILINE_IMPLICIT_KEY: [text('a key must be on one line', '键必须写在一行内'), text('check the indentation and that every key ends with ": "', '请检查缩进，并确认每个键后有“: ”')],
  MULTIPLE_DOCS: [text('the file holds more than one YAML document (---)', '文件中有多个 YAML 文档（---）'), text('keep one document per file', '一个文件只写一份参数')],
  TAG_RESOLVE_FAILED: [text('unknown tag: tags such as !!js/function are not allowed', '未知的标签：不允许使用 !!js/function 等标签'), text('remove the tag', '请删除该标签')],
  BAD_ALIAS: [text('an alias names no anchor before it', '别名之前没有对应的锚点')],
  BAD_DQ_ESCAPE: [text('invalid escape in a double-quoted string', '双引号字符串中有无效的转义'), text('write \\\\ for a backslash, or use single quotes', '反斜杠请写成 \\\\，或改用单引号')],
  UNEXPECTED_TOKEN: [text('unexpected character', '意外的字符'), text('a value that starts with @, `, % or contains ": " needs quotes', '以 @、`、% 开头或含有“: ”的值需要加引号')],
  BAD_SCALAR_START: [text('this value cannot start with this character', '值不能以此字符开头'), text('put the value in quotes', '请把值加上引号')],
  KEY_OVER_1024_CHARS: [text('a key is longer than 1024 characters', '键超过 1024 个字符')],
  RESOURCE_EXHAUSTION: [text('the document is nested too deeply to read', '文档嵌套过深，无法读取')],
  NON_STRING_KEY: [text('a key must be plain text', '键必须是普通文字')],
};

/** `Map keys must be unique at line 2, column 1:\n\n…` -> `Map keys must be unique` */
function firstSentence(e: YAMLError): string {
  return e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').split('\n')[0]!.trim();
}

export function yamlProblem(e: YAMLError): Problem {
  const known = KNOWN[e.code];
  if (known) return problem(`yaml-${e.code.toLowerCase().replace(/_/g, '-')}`, known[0], known[1]);
  const en = firstSentence(e);
  return problem(`yaml-${e.code.toLowerCase().replace(/_/g, '-')}`, text(`YAML syntax error: ${en}`, `YAML 语法错误：${en}`));
}
