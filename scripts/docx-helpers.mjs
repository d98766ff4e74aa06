// An esbuild plugin for docx's dist/index.mjs, which docx ships compiled down to older JavaScript,
// with helper functions for class fields and object spread (oxc's copies of Babel's helpers).
// They are correct and slow: every class field of every docx object went through three calls to
// turn its name into a key, and every `{ ...a, [k]: v }` through forEach callbacks and property
// descriptors. The bundles (scripts/bundle.mjs) get helpers that do the same, faster, and the one
// method that spread an object once per attribute gets a loop (each is explained below).
//
// The bytes docx writes do not change: test/cli/bundle-bytes.test.ts compares the built CLI's
// files with those the sources render with docx as published (a replacement that drops an
// attribute fails it). Measured side by side against the build without it, on 2 shared cores:
// - DOCX render of 30 distinct contracts, twice over, unoptimised as in a batch (`node --no-opt`,
//   the library's bundle, median after the first 10): 23.6 -> 22.2 ms;
// - the same contract again (its blocks reused): 15.7 / 15.8 -> 14.3 / 12.8 ms;
// - a process's first DOCX (no code cache): 113-117 -> 101-102 ms;
// - cold `contract gen` of the example, 21 alternating runs: 456 -> 449 ms (medians), CPU 490
//   -> 480 ms; 60 distinct inputs at `-j 2`, three runs each: 4.01-4.10 -> 3.99-4.07 s.
//
// Then the writer and the attribute methods without iterators (an index loop, for-in): unoptimised
// code makes an object per step of a for-of and an array per [key, value] pair, 1.8 of the 23.5 MB
// a contract allocated (sampling heap profile). Side by side: instructions for six contracts
// (callgrind, `node --no-opt`, the library's bundle) 6.167 -> 6.041 G, 602 -> 585 M per contract
// after the first; 200 distinct inputs at `-j 2`, three runs each alternating: 9.94-10.30 ->
// 9.57-9.99 s, CPU 19.3-19.9 -> 18.5-19.4 s.
//
// Each replacement names the exact text it replaces: a docx release that changes it fails the
// build here, instead of running unpatched or patched wrongly.
import { readFile } from 'node:fs/promises';

/** [what docx has, what it becomes] (why: the comment above each); test/render/docx/docx-helpers.test.ts checks them. */
export const REPLACEMENTS = [
  [
    // Babel's defineProperty: a class field's name, nearly always a string already, went through
    // toPropertyKey -> toPrimitive -> typeof (three calls, unoptimised in a cold run).
    `function _defineProperty(e, r, t) {
	return (r = toPropertyKey(r)) in e ? Object.defineProperty(e, r, {`,
    `function _defineProperty(e, r, t) {
	return (r = typeof r === "string" ? r : toPropertyKey(r)) in e ? Object.defineProperty(e, r, {`,
  ],
  [
    // Babel's objectSpread2: each own enumerable key of a spread source through a forEach
    // callback and _defineProperty. The same definitions, in a plain loop: a key the target has
    // (or inherits, as \`in\` sees it) is defined, others assigned, as _defineProperty does; symbols
    // and the even-numbered arguments (an object literal's own properties, getters kept) as before.
    `function _objectSpread2(e) {
	for (var r = 1; r < arguments.length; r++) {
		var t = null != arguments[r] ? arguments[r] : {};
		r % 2 ? ownKeys(Object(t), !0).forEach(function(r) {`,
    `function _objectSpread2(e) {
	for (var r = 1; r < arguments.length; r++) {
		var t = null != arguments[r] ? arguments[r] : {};
		if (r % 2 && Object.getOwnPropertySymbols(Object(t)).length === 0) {
			for (var ks = Object.keys(t), i = 0; i < ks.length; i++) {
				var k = ks[i], v = t[k];
				k in e ? Object.defineProperty(e, k, { value: v, enumerable: !0, configurable: !0, writable: !0 }) : e[k] = v;
			}
			continue;
		}
		r % 2 ? ownKeys(Object(t), !0).forEach(function(r) {`,
  ],
  [
    // NextAttributeComponent: the attributes of an element, built by copying the whole object so
    // far for each attribute (quadratic, and a spread per attribute). One object, in the same
    // order: a repeated key keeps its first place and takes the last value, as the spreads did.
    `		return { _attr: Object.values(this.root).filter(({ value }) => value !== void 0).reduce((acc, { key, value }) => _objectSpread2(_objectSpread2({}, acc), {}, { [key]: value }), {}) };`,
    `		const attrs = {};
		for (let all = Object.values(this.root), i = 0; i < all.length; i++) {
			const { key, value } = all[i];
			if (value !== void 0) key in attrs ? Object.defineProperty(attrs, key, { value, enumerable: !0, configurable: !0, writable: !0 }) : attrs[key] = value;
		}
		return { _attr: attrs };`,
  ],
  [
    // XmlAttributeComponent.prepForXml, for every attribute set of every element: an array of
    // [key, value] pairs and a callback per key. The same own enumerable keys in the same order,
    // read in a for-in loop (no array per key in unoptimised code); null still throws.
    `		Object.entries(this.root).forEach(([key, value]) => {
			if (value !== void 0) {
				const newKey = this.xmlKeys && this.xmlKeys[key] || key;
				attrs[newKey] = value;
			}
		});`,
    `		const root = this.root;
		if (root === null || root === void 0) throw new TypeError("Cannot convert undefined or null to object");
		for (const key in root) {
			if (!Object.prototype.hasOwnProperty.call(root, key)) continue;
			const value = root[key];
			if (value !== void 0) {
				const newKey = this.xmlKeys && this.xmlKeys[key] || key;
				attrs[newKey] = value;
			}
		}`,
  ],
  [
    // XmlComponent.prepForXml, which every element of every part goes through: flatMap with a
    // callback, then filter, two arrays per element. One loop, the same children in the same
    // order: flatMap's length read once, holes skipped, an array result flattened one level,
    // undefined dropped.
    `		const children = this.root.flatMap((comp) => {
			if (isXmlComponent(comp)) {
				const parts = comp.writtenAs;
				return parts ? parts.map((part) => part.prepForXml(context)) : comp.prepForXml(context);
			}
			return comp;
		}).filter((comp) => comp !== void 0);`,
    `		const children = [];
		for (let root = this.root, n = root.length, i = 0; i < n; i++) {
			if (!(i in root)) continue;
			const comp = root[i];
			let out = comp;
			if (isXmlComponent(comp)) {
				const parts = comp.writtenAs;
				out = parts ? parts.map((part) => part.prepForXml(context)) : comp.prepForXml(context);
			}
			if (!Array.isArray(out)) {
				if (out !== void 0) children.push(out);
				continue;
			}
			for (let k = 0, m = out.length; k < m; k++) if (k in out && out[k] !== void 0) children.push(out[k]);
		}`,
  ],
  [
    // The XML writer (docx's copy of the xml package's): `resolve` turns the whole tree into
    // records of name, attribute list and content list (with a closure per element), then `format`
    // turns those into text. Without indentation (docx's default, and all contract asks for),
    // `writeFlat` does both in one pass and builds the same text: the same attributes in the same
    // order, and content kept in a list until the element closes, as a text value still replaces
    // the entry before it. With indentation, docx's own path, unchanged.
    `	return (declaration === void 0 ? "" : \`<?xml version="1.0" encoding="\${escapeAll(declaration.encoding || "UTF-8")}"\${standalone}?>\${indent ? "\\n" : ""}\`) + items.map((item, i) => format(resolve(item, indent, startDepth), indent, i === items.length - 1)).join("");
};`,
    `	return (declaration === void 0 ? "" : \`<?xml version="1.0" encoding="\${escapeAll(declaration.encoding || "UTF-8")}"\${standalone}?>\${indent ? "\\n" : ""}\`) + (indent === "" ? items.map((item) => writeFlat(item)) : items.map((item, i) => format(resolve(item, indent, startDepth), indent, i === items.length - 1))).join("");
};
var firstOwnKey = (o) => {
	if (o === null || o === void 0) return Object.keys(o)[0];
	for (const key in o) return Object.prototype.hasOwnProperty.call(o, key) ? key : void 0;
	return void 0;
};
var writeAttributes = (attr) => {
	if (attr === null || attr === void 0) throw new TypeError("Cannot convert undefined or null to object");
	let text = "";
	for (const key in attr) if (Object.prototype.hasOwnProperty.call(attr, key)) text += \` \${key}="\${String(escapeValue(attr[key]))}"\`;
	return text;
};
var writeFlat = (data) => {
	const name = firstOwnKey(data);
	const values = name === void 0 ? void 0 : data[name];
	let attributes = "";
	const content = [];
	if (typeof values === "object") {
		if (values !== null) {
			const { _attr: attr, _cdata: cdata } = values;
			if (attr) attributes += writeAttributes(attr);
			if (cdata) content.push(\`<![CDATA[\${cdata.replace(/\\]\\]>/g, "]]]]><![CDATA[>")}]]>\`);
			if (Array.isArray(values)) {
				let isStringContent = false;
				content.push("");
				for (let i = 0; i < values.length; i++) {
					const value = values[i];
					if (typeof value === "object") {
						if (firstOwnKey(value) === "_attr") attributes += writeAttributes(value._attr);
						else content.push(writeFlat(value));
					} else {
						content.pop();
						isStringContent = true;
						content.push(escapeValue(value));
					}
				}
				if (!isStringContent) content.push("");
			}
		}
	} else content.push(escapeValue(values));
	const length = content.length;
	const open = (name ? \`<\${name}\` : "") + attributes + (length > 0 ? name ? ">" : "" : "/>");
	if (length === 0) return open;
	let inner = "";
	for (let i = 0; i < length; i++) {
		const child = content[i];
		inner += child === void 0 ? "" : String(child);
	}
	return open + inner + (name ? \`</\${name}>\` : "");
};`,
  ],
];

/** Applies REPLACEMENTS to docx's ES module when esbuild loads it. */
export const docxHelpers = {
  name: 'docx-helpers',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const [from, to] of REPLACEMENTS) {
        const at = contents.indexOf(from);
        if (at < 0 || contents.indexOf(from, at + 1) >= 0) {
          throw new Error(`scripts/docx-helpers.mjs: ${args.path} does not have exactly one of:\n${from}\n(a new docx release? check the replacement still holds, then update it)`);
        }
        contents = contents.slice(0, at) + to + contents.slice(at + from.length);
      }
      return { contents, loader: 'js' };
    });
  },
};
