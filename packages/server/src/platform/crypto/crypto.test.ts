import { describe, expect, it } from 'vitest';
import { generateOneTimePassword, hashPassword, verifyPassword } from './password';
import { generateKeySpec, PersonalDataCipher, parseKeySpec } from './personalData';

describe('passwords', () => {
  it('hashes with scrypt and verifies', async () => {
    const hash = await hashPassword('长城长城 great wall', 10);
    expect(hash).toMatch(/^scrypt\$1024\$/);
    expect(await verifyPassword('长城长城 great wall', hash)).toBe(true);
    expect(await verifyPassword('长城长城 great wal', hash)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('makes one-time passwords with all four character classes', () => {
    for (let i = 0; i < 50; i++) {
      const p = generateOneTimePassword();
      expect(p).toHaveLength(14);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/\d/);
      expect(p).toMatch(/[#%+=@]/);
    }
  });
});

describe('personal data cipher', () => {
  const id = '11010519491231002X';

  it('encrypts with a fresh IV each time and decrypts', () => {
    const c = new PersonalDataCipher(parseKeySpec(generateKeySpec()));
    const a = c.encrypt(id);
    expect(a).not.toContain(id);
    expect(c.encrypt(id)).not.toBe(a);
    expect(c.decrypt(a)).toBe(id);
  });

  it('never uses an IV twice, across the blocks it draws IVs in (1,024 at a time)', () => {
    const c = new PersonalDataCipher(parseKeySpec(generateKeySpec()));
    const stored = Array.from({ length: 5_000 }, (_, i) => c.encrypt(`${id}-${i}`));
    const ivs = stored.map((s) => s.split('.')[1]);
    expect(new Set(ivs).size).toBe(5_000);
    expect(ivs.every((iv) => Buffer.from(iv, 'base64').length === 12)).toBe(true);
    expect(stored.map((s) => c.decrypt(s))).toEqual(stored.map((_, i) => `${id}-${i}`));
  });

  it('gives the same keyed hash for lookup, which a different key cannot reproduce', () => {
    const c = new PersonalDataCipher(parseKeySpec(generateKeySpec()));
    const other = new PersonalDataCipher(parseKeySpec(generateKeySpec()));
    expect(c.hash(id)).toBe(c.hash(id));
    expect(other.hash(id)).not.toBe(c.hash(id));
  });

  it('rotates keys: old ciphertext still decrypts and is marked for re-encryption', () => {
    const spec = generateKeySpec();
    const old = new PersonalDataCipher(parseKeySpec(spec));
    const stored = old.encrypt(id);
    const [hash, k1] = spec.split(',');
    const rotated = new PersonalDataCipher(parseKeySpec(`${hash},k2:${Buffer.alloc(32, 7).toString('base64')},${k1}`));
    expect(rotated.decrypt(stored)).toBe(id);
    expect(rotated.needsRotation(stored)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt(id))).toBe(false);
    expect(rotated.hash(id)).toBe(old.hash(id));
  });

  it('fails loudly on tampering or a missing key', () => {
    const c = new PersonalDataCipher(parseKeySpec(generateKeySpec()));
    const stored = c.encrypt(id);
    const parts = stored.split('.');
    parts[3] = Buffer.from('tampered!').toString('base64');
    expect(() => c.decrypt(parts.join('.'))).toThrow();
    expect(() => new PersonalDataCipher(parseKeySpec(generateKeySpec())).decrypt(stored)).toThrow();
    expect(() => parseKeySpec('k1:short')).toThrow(/32 bytes/);
  });
});
