#!/usr/bin/env python3
"""Writes a generated tree's people straight into `users` (as the database owner), all with one shared
ASP.NET Core Identity password hash, before `tenants apply` runs: apply then finds every account already there and
only creates the tenants and memberships through the app's own code.

Why: Identity hashes each new password with PBKDF2-HMAC-SHA512 at 100,000 iterations (tens of ms of CPU each, slow
by design); 20,000 accounts would cost ~15 minutes on two cores for data nobody signs in to but a benchmark. The
hash here is computed once, in Identity's own V3 format (0x01, PRF 2 = HMACSHA512, iterations, salt length, salt,
32-byte subkey), so every generated person signs in with the tree's password through the real password check. They
share one salt, which is acceptable for throw-away benchmark accounts only.

usage: people.py TREE.json | psql ...   (SQL on stdout; idempotent: existing user names are left alone)
"""
import base64, hashlib, json, os, secrets, struct, sys, uuid

ITERATIONS, SALT_BYTES, SUBKEY_BYTES, PRF_HMACSHA512 = 100_000, 16, 32, 2


def identity_v3_hash(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    subkey = hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, ITERATIONS, SUBKEY_BYTES)
    header = struct.pack(">BIII", 1, PRF_HMACSHA512, ITERATIONS, SALT_BYTES)
    return base64.b64encode(header + salt + subkey).decode("ascii")


def csv_field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


tree = json.load(open(sys.argv[1], encoding="utf-8"))
passwords = {p["password"] for p in tree["people"]}
hashes = {pw: identity_v3_hash(pw) for pw in passwords}
print("CREATE TEMP TABLE new_users (LIKE users INCLUDING DEFAULTS);")
print("COPY new_users (id, full_name, is_platform_operator, created_at, user_name, normalized_user_name, email, normalized_email,"
      " email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled,"
      " lockout_enabled, access_failed_count) FROM STDIN (FORMAT csv);")
for p in tree["people"]:
    user, email = p["userName"].strip(), p["email"].strip()
    stamp = base64.b32encode(secrets.token_bytes(20)).decode("ascii")  # as Identity's own: 32 base32 characters
    print(",".join([str(uuid.uuid4()), csv_field(p["fullName"].strip()), "f", "now", csv_field(user), csv_field(user.upper()),
                    csv_field(email), csv_field(email.upper()), "t", hashes[p["password"]], stamp, str(uuid.uuid4()),
                    "f", "f", "t", "0"]))
print("\\.")
print("INSERT INTO users SELECT * FROM new_users ON CONFLICT (normalized_user_name) DO NOTHING;")
