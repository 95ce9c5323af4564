# Sourced by scripts that sign people in with curl. Needs BASE, CLIENT_ID, REDIRECT_URI and a scratch folder $work.
# sign_in EMAIL PASSWORD SCOPES: the authorization code flow with PKCE, as a browser would do it; prints the access token.
sign_in() {
  local jar="$work/$1.cookies" verifier challenge state authorize login token location code
  verifier=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
  state=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
  authorize="$BASE/connect/authorize?response_type=code&client_id=$CLIENT_ID&redirect_uri=$(jq -rn --arg u "$REDIRECT_URI" '$u|@uri')&scope=$(jq -rn --arg s "$3" '$s|@uri')&state=$state&code_challenge=$challenge&code_challenge_method=S256"
  location=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$authorize")
  login=$(curl -sS -c "$jar" -b "$jar" "$location")
  token=$(echo "$login" | grep -o 'name="__af" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  local return_url; return_url=$(echo "$login" | grep -o 'name="returnUrl" value="[^"]*"' | sed 's/.*value="//; s/"$//; s/&amp;/\&/g')
  location=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "__af=$token" \
    --data-urlencode "email=$1" --data-urlencode "password=$2" --data-urlencode "returnUrl=$return_url" "$BASE/account/login")
  location=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$location")
  code=$(echo "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
  [ -n "$code" ] || { echo "sign-in failed for $1 (ended at $location)" >&2; exit 1; }
  curl -sS -d grant_type=authorization_code -d "client_id=$CLIENT_ID" -d "code=$code" -d "code_verifier=$verifier" \
    --data-urlencode "redirect_uri=$REDIRECT_URI" "$BASE/connect/token" | jq -r .access_token
}

