/** Waits for an eventual condition, checked every 25 ms; the deadline is generous (a loaded 2-core machine is slow, and this is no timing target). */
export async function until(predicate: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
