/**
 * What the layout measures of a block, kept by the block itself (blocks.ts, tables.ts): within a
 * document, where keep-together rules measure a block before they place it, and across documents
 * for a frozen block, as a part kept across documents is (model/kept-parts.ts). A block that is
 * not frozen may be changed by its caller between two renders, so what was measured of it serves
 * the document it was measured in only.
 */
let documentNumber = 0;

/** Called as the layout of a document starts. */
export function startMeasuringDocument(): void {
  documentNumber++;
}

export class MeasuredByBlock<B extends object, V> {
  private readonly measured = new WeakMap<B, { readonly key: string; readonly document: number; readonly value: V }>();

  /** What was measured of `block` under `key` (what else the measure read), if it still holds. */
  get(block: B, key: string): V | undefined {
    const hit = this.measured.get(block);
    if (hit === undefined || hit.key !== key) return undefined;
    return hit.document === documentNumber || Object.isFrozen(block) ? hit.value : undefined;
  }

  set(block: B, key: string, value: V): V {
    this.measured.set(block, { key, document: documentNumber, value });
    return value;
  }
}
