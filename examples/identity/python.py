#!/usr/bin/env python3
"""Parley identity verification from a Python backend -- standard library only.

Usage:  python3 examples/identity/python.py <userId> <workspaceIdentitySecret>

Prints the two proofs Parley accepts for a signed-in user:
  userHash      = hex(HMAC-SHA256(secret, userId))            -- never expires
  identityToken = JWT, HS256, { sub: userId, iat, exp: +1 h } -- expires; prefer it
Compute them on your server and render them into the page; never ship the secret.
"""
import base64
import hashlib
import hmac
import json
import sys
import time


def user_hash(secret: str, user_id: str) -> str:
    return hmac.new(secret.encode(), user_id.encode(), hashlib.sha256).hexdigest()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def identity_token(secret: str, user_id: str, claims=None, lifetime_sec: int = 3600) -> str:
    """A compact HS256 JWT. `claims` may add traits, name, email. Keep lifetimes short (<= 1 h)."""
    now = int(time.time())
    header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = {**(claims or {}), "sub": user_id, "iat": now, "exp": now + lifetime_sec}
    payload = _b64url(json.dumps(body, separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}".encode()
    signature = _b64url(hmac.new(secret.encode(), signing_input, hashlib.sha256).digest())
    return f"{header}.{payload}.{signature}"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write("usage: python3 python.py <userId> <workspaceIdentitySecret>\n")
        sys.exit(2)
    uid, key = sys.argv[1], sys.argv[2]
    print(f"userHash={user_hash(key, uid)}")
    print(f"identityToken={identity_token(key, uid)}")
