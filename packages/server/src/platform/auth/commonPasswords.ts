// Passwords that top every breach list (international and Chinese), checked case-insensitively.
// Extend with a larger list via PASSWORD_DENYLIST_FILE (one password per line).
export const COMMON_PASSWORDS = `123456 123456789 12345678 password qwerty123 qwerty 111111 12345 1234567 123123 1234567890
000000 abc123 password1 iloveyou 1q2w3e4r 1q2w3e4r5t qwertyuiop 123321 654321 666666 888888 987654321 112233 121212
a123456 a12345678 aa123456 woaini woaini1314 woaini520 5201314 1314520 147258369 159357 159753 147258 asdfghjkl
zxcvbnm asd123 qwe123 abcd1234 admin admin123 admin@123 Admin123 root123 passw0rd p@ssw0rd P@ssw0rd P@ssw0rd123
welcome welcome1 welcome123 monkey dragon letmein football baseball sunshine princess master shadow superman
michael trustno1 1qaz2wsx 1qaz@WSX 1qaz2wsx3edc qazwsx qazwsxedc zaq12wsx !QAZ2wsx Aa123456 Aa123456789 Aa12345678
Abc123456 Abc@123456 abc123456 abcd123456 Qwer1234 qwer1234 Qwerty123 Qwerty123! Password1 Password123 Password@123
password123 changeme changeme123 iloveyou1 123qwe 123abc 1234qwer 11111111 00000000 88888888 12341234 123654 7758521
woaini123 wangyang huang123 zhang123 li123456 aini1314 321321 a1234567 a111111 q123456 z123456 123456a 123456aa
123456789a 1234567890a Admin@123 Admin@12345 Admin12345 Xiezuo123 xiezuo123 Xiezuo@123 Changeme123 Welcome@123`
  .split(/\s+/)
  .map((p) => p.toLowerCase());
