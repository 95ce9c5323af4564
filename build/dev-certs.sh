#!/usr/bin/env bash
# Makes the token signing and encryption certificates for local runs (never committed: .cache/identity).
# Every node of one deployment must load the same pair; production keeps its own pair in its secret store.
# Prints the two environment variables that load them.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

dir="$ROOT/.cache/identity"
mkdir -p "$dir"
command -v openssl >/dev/null || apt_install openssl
make_cert() { # name key-usage
  [ -f "$dir/$1.pfx" ] && return
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 825 -subj "/CN=connectingner-$1" \
    -addext "keyUsage=critical,$2" -keyout "$dir/$1.key" -out "$dir/$1.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$dir/$1.key" -in "$dir/$1.crt" -out "$dir/$1.pfx" -passout pass: 2>/dev/null
  rm -f "$dir/$1.key"
}
make_cert signing digitalSignature
make_cert encryption keyEncipherment
echo "export Identity__SigningCertificate=$(base64 -w0 "$dir/signing.pfx")"
echo "export Identity__EncryptionCertificate=$(base64 -w0 "$dir/encryption.pfx")"
