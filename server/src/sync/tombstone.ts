import type { AnyRegistration } from './registry.ts';

/**
 * A deleted document as devices receive it: the id and neutral placeholder
 * values that satisfy the schema (so RxDB's own client can store it), never
 * the content the member may no longer see.
 */
export function tombstoneFor(registration: AnyRegistration): (id: string) => string {
  const filler: Record<string, unknown> = {};
  for (const key of registration.schema.required ?? []) {
    if (key === 'id') continue;
    const prop = registration.schema.properties[key] ?? {};
    const types = ([] as unknown[]).concat(prop.type ?? []);
    const values = prop.enum as unknown[] | undefined;
    if (values && values.length > 0) filler[key] = values[0];
    else if (types.includes('null')) filler[key] = null;
    else if (types.includes('string')) filler[key] = '';
    else if (types.includes('integer') || types.includes('number')) filler[key] = (prop.minimum) ?? 0;
    else if (types.includes('boolean')) filler[key] = false;
    else if (types.includes('array')) filler[key] = [];
    else filler[key] = {};
  }
  const rest = JSON.stringify(filler).slice(1, -1);
  return (id) => `{"id":${JSON.stringify(id)}${rest ? `,${rest}` : ''},"_deleted":true}`;
}
