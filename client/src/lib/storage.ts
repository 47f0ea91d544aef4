/**
 * localStorage that never throws: it is missing in Node tests and can refuse
 * writes (private mode, full quota). A lost preference is not worth a crash.
 */
export function readStored(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(key, value);
  } catch {
    // Preference stays for this session only.
  }
}

export function removeStored(key: string): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.removeItem(key);
  } catch {
    // Nothing stored to remove.
  }
}
