/**
 * YAML tree -> plain JS, written by hand (not `doc.toJS()`) so that we decide:
 * - numbers whose source text does not round-trip (`0200…`, `1000.10`, 18-digit codes)
 *   stay exactly the text written;
 * - `__proto__` / `constructor` / `prototype` keys are located errors and are never set;
 * - aliases are expanded with a budget (alias bombs), nesting and string length are bounded;
 * - each value's and key's position is recorded for error messages.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type YAMLError } from 'yaml';
import { text } from '../diagnostics.js';
import type { LocationIndex } from './locate.js';
import { problem, quote, type Problem } from './messages.js';
import { yamlProblem } from './yaml-errors.js';

export const LIMITS = {
  maxBytes: 1024 * 1024,
  maxDepth: 64,
  maxString: 10_000,
  maxAliasNodes: 10_000,
} as const;

export type Path = (string | number)[];
export type ReportAt = (offset: number, path: Path, p: Problem) => void;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown to stop at once: an alias bomb must not be expanded any further. */
class Abort extends Error {}

/**
 * Round-trip test of the brief: a YAML number is kept only if printing it gives back
 * exactly what was written; otherwise the written text is the value.
 */
export function exactNumber(value: number, source: string | undefined): number | string {
  if (source === undefined || String(value) === source) return value;
  return source;
}

/**
 * The node each alias stands for, found in one pass over the document: the last node with
 * that anchor before the alias. (`Alias.resolve` walks the whole document for every alias:
 * 10,000 aliases took a minute.)
 */
function aliasTargets(doc: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

const DUPLICATE_KEY = yamlProblem({ code: 'DUPLICATE_KEY', message: '' } as YAMLError);

export function toPlain(doc: Document, index: LocationIndex, report: ReportAt): unknown {
  const targets = aliasTargets(doc);
  let aliasNodes = 0;
  let aliasChars = 0; // text copied by aliases: few nodes can still carry megabytes
  let aliasAt = 0; // where the outermost alias being expanded was written
  let aliasPath = 0; // and the length of its key path

  const aliasBomb = (path: Path): never => {
    report(aliasAt, path.slice(0, aliasPath), problem('alias-bomb', text(`aliases expand to more than ${LIMITS.maxAliasNodes} values or ${LIMITS.maxBytes / 1024 / 1024} MiB of text (an "alias bomb")`, `别名展开后超过 ${LIMITS.maxAliasNodes} 个值或 ${LIMITS.maxBytes / 1024 / 1024} MiB 文本（“别名炸弹”）`), text('write the values out instead of repeating aliases', '请直接写出各值，不要层层引用别名')));
    throw new Abort();
  };

  const walk = (node: unknown, path: Path, depth: number, inAlias: boolean): unknown => {
    const n = node as Node | null;
    const offset = n?.range?.[0] ?? 0;
    if (inAlias && ++aliasNodes > LIMITS.maxAliasNodes) {
      aliasBomb(path);
    }
    if (depth > LIMITS.maxDepth) {
      report(offset, path, problem('too-deep', text(`is nested deeper than ${LIMITS.maxDepth} levels`, `嵌套超过 ${LIMITS.maxDepth} 层`)));
      throw new Abort();
    }
    if (n === null || n === undefined) return null;
    index.setValue(path, offset);

    if (isAlias(n)) {
      const target = targets.get(n);
      if (!target) {
        report(offset, path, problem('bad-alias', text(`the alias *${n.source} has no anchor &${n.source} before it`, `别名 *${n.source} 之前没有对应的锚点 &${n.source}`)));
        return null;
      }
      if (!inAlias) {
        aliasAt = offset;
        aliasPath = path.length;
      }
      const v = walk(target, path, depth, true);
      index.setValue(path, offset); // point at the alias, not at the anchor
      return v;
    }
    if (isScalar(n)) {
      if (inAlias && typeof n.value === 'string' && (aliasChars += n.value.length) > LIMITS.maxBytes) aliasBomb(path);
      return scalar(n.value, n.source, offset, path);
    }
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyOffset = keyNode?.range?.[0] ?? offset;
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
          report(keyOffset, path, problem('bad-key', text('a key must be plain text', '键必须是普通文字')));
          continue;
        }
        const key = typeof keyNode.value === 'string' ? keyNode.value : String(keyNode.source ?? keyNode.value);
        const keyPath = [...path, key];
        if (key.length > LIMITS.maxString) {
          report(keyOffset, path, problem('string-too-long', text(`a key is longer than ${LIMITS.maxString} characters`, `键超过 ${LIMITS.maxString} 个字符`)));
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          report(keyOffset, keyPath, problem('forbidden-key', text(`the key ${quote(key)} is not allowed`, `不允许使用键 ${quote(key)}`), text('it could change how objects behave; it is never a params key', '此键可能篡改对象行为，不是合同参数')));
          continue;
        }
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          report(keyOffset, keyPath, DUPLICATE_KEY);
          continue;
        }
        index.setKey(keyPath, keyOffset);
        const value = pair.value === null ? null : walk(pair.value, keyPath, depth + 1, inAlias);
        // `key:` with nothing after it: point at the key, not at the empty space after it.
        if (value === null && (pair.value === null || (isScalar(pair.value) && !pair.value.source))) index.setValue(keyPath, keyOffset);
        // defineProperty, not assignment: no setter on Object.prototype can run.
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (isSeq(n)) {
      return n.items.map((item, i) => walk(item, [...path, i], depth + 1, inAlias));
    }
    return null;
  };

  const scalar = (value: unknown, source: string | undefined, offset: number, path: Path): unknown => {
    if (typeof value === 'number') return exactNumber(value, source);
    if (typeof value === 'string') {
      if (value.length > LIMITS.maxString) {
        report(offset, path, problem('string-too-long', text(`is longer than ${LIMITS.maxString} characters`, `超过 ${LIMITS.maxString} 个字符`)));
        return '';
      }
      return value;
    }
    if (typeof value === 'boolean' || value === null) return value;
    // bigint or a tagged object (only reachable with non-core tags, already reported).
    return source ?? String(value);
  };

  try {
    return walk(doc.contents, [], 0, false);
  } catch (e) {
    if (e instanceof Abort) return undefined;
    throw e;
  }
}
