import { useEffect, useState } from 'react';

/**
 * Form state that survives a reload or a dropped connection: kept in sessionStorage (this tab only)
 * under a key per form. Never used for tokens or passwords.
 */
export function useStoredForm<T extends object>(key: string, initial: T): [T, (patch: Partial<T>) => void, () => void] {
  const storageKey = `seleksi.form.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = window.sessionStorage.getItem(storageKey);
      return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      /* storage full or disabled: the server draft still holds what was saved */
    }
  }, [storageKey, value]);
  return [value, (patch) => setValue((old) => ({ ...old, ...patch })), () => window.sessionStorage.removeItem(storageKey)];
}
