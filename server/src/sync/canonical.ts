/** JSON with sorted keys and RxDB's bookkeeping fields dropped: two equal documents give equal strings. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (key === '_deleted' || key === '_meta' || key === '_rev' || key === '_attachments') continue;
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The document without RxDB's bookkeeping fields. */
export function stripMeta<T extends Record<string, unknown>>(doc: T): T {
  const { _deleted: _d, _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return rest as T;
}
