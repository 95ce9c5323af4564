#!/usr/bin/env bash
# The whole ordering journey with curl against a running server (build/run.sh): an anonymous cart, signing in
# (OAuth code + PKCE through the sign-in page), merging the cart, placing an order, the payment partner paying it,
# support packing it, the logistics partner shipping and delivering it, and the customer reading its history.
# Every setting has the demo's default; the tests run it against their own host with their own clients.
set -euo pipefail
BASE=${BASE:-http://localhost:5080}
CLIENT_ID=${CLIENT_ID:-graphql-ide}
REDIRECT_URI=${REDIRECT_URI:-$BASE/graphql/}
CUSTOMER_EMAIL=${CUSTOMER_EMAIL:-asha@example.in}
CUSTOMER_PASSWORD=${CUSTOMER_PASSWORD:-demo-customer-pass}
SUPPORT_EMAIL=${SUPPORT_EMAIL:-support@connectingner.example}
SUPPORT_PASSWORD=${SUPPORT_PASSWORD:-demo-support-pass}
PAYMENTS_ID=${PAYMENTS_ID:-payments-demo}
PAYMENTS_SECRET=${PAYMENTS_SECRET:-payments-demo-secret}
LOGISTICS_ID=${LOGISTICS_ID:-logistics-demo}
LOGISTICS_SECRET=${LOGISTICS_SECRET:-logistics-demo-secret}
LOGISTICS_PARTNER=${LOGISTICS_PARTNER:-logistics-ne-express}
SKU=${SKU:-TEA-0101}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/oauth.sh"

say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

# gql TOKEN QUERY [VARIABLES]: POST a GraphQL request; prints the response; fails on errors.
gql() {
  local auth=() body
  [ -n "$1" ] && auth=(-H "Authorization: Bearer $1")
  body=$(jq -cn --arg q "$2" --argjson v "${3:-{\}}" '{query: $q, variables: $v}')
  local response; response=$(curl -sS "${auth[@]}" -H 'content-type: application/json' -d "$body" "$BASE/graphql")
  echo "$response" | jq -c . >&2
  if echo "$response" | jq -e '(.errors // []) | length > 0' >/dev/null; then echo "GraphQL errors" >&2; exit 1; fi
  echo "$response"
}

partner_token() {
  curl -sS -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$2" -d "scope=$3" "$BASE/connect/token" | jq -r .access_token
}

say "1. An anonymous visitor fills a cart (the cart id stays on the device)"
product=$(gql "" 'query($sku: String!) { productBySku(sku: $sku) { id name price { formatted } } }' "{\"sku\":\"$SKU\"}" | jq -r .data.productBySku.id)
cart=$(gql "" 'mutation { createCart { cart { id } errors { code } } }' | jq -r .data.createCart.cart.id)
gql "" 'mutation($i: AddCartLineInput!) { addCartLine(input: $i) { cart { totalQuantity total { formatted } } errors { code message } } }' \
  "{\"i\":{\"cartId\":\"$cart\",\"productId\":\"$product\",\"quantity\":2}}" >/dev/null

say "2. The customer signs in (code + PKCE) and merges the device's cart into theirs"
customer=$(sign_in "$CUSTOMER_EMAIL" "$CUSTOMER_PASSWORD" "openid profile email orders:read orders:write")
cart=$(gql "$customer" 'mutation($i: MergeCartInput!) { mergeCart(input: $i) { cart { id totalQuantity } errors { code } } }' \
  "{\"i\":{\"cartId\":\"$cart\"}}" | jq -r .data.mergeCart.cart.id)
address=$(gql "$customer" '{ me { addresses { id city state } } }' | jq -r '.data.me.addresses[0].id // empty')
if [ -z "$address" ]; then
  address=$(gql "$customer" 'mutation($i: AddMyAddressInput!) { addMyAddress(input: $i) { customer { addresses { id } } errors { code } } }' \
    '{"i":{"kind":"SHIPPING","recipientName":"Asha Borah","line1":"House 7, Rajgarh Road","city":"Guwahati","state":"Assam","postalCode":"781003","countryCode":"IN","phone":"+919864012345"}}' \
    | jq -r '.data.addMyAddress.customer.addresses[0].id')
fi

say "3. Checkout: exactly once per idempotency key"
order=$(gql "$customer" 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id number status total { amountInPaise formatted } taxBreakdown { cgst { formatted } sgst { formatted } igst { formatted } } } errors { code message } } }' \
  "{\"i\":{\"cartId\":\"$cart\",\"shippingAddressId\":\"$address\",\"paymentMethod\":\"PREPAID\",\"idempotencyKey\":\"journey-$(date +%s%N)\"}}")
order_id=$(echo "$order" | jq -r .data.placeOrder.order.id)
number=$(echo "$order" | jq -r .data.placeOrder.order.number)
total=$(echo "$order" | jq -r .data.placeOrder.order.total.amountInPaise)

say "4. The payment partner records the payment (it sees number, amount and status only)"
payments=$(partner_token "$PAYMENTS_ID" "$PAYMENTS_SECRET" payments:process)
gql "$payments" 'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { payment { orderNumber amount { formatted } status } errors { code } } }' \
  "{\"i\":{\"orderNumber\":\"$number\",\"amountPaise\":$total,\"providerReference\":\"pay_journey\",\"idempotencyKey\":\"pay-$number\"}}" >/dev/null

say "5. Support packs the order and hands it to the logistics partner"
support=$(sign_in "$SUPPORT_EMAIL" "$SUPPORT_PASSWORD" "openid profile")
gql "$support" 'mutation($i: PackOrderInput!) { packOrder(input: $i) { order { status } errors { code } } }' \
  "{\"i\":{\"orderId\":\"$order_id\",\"logisticsPartnerId\":\"$LOGISTICS_PARTNER\"}}" >/dev/null

say "6. The logistics partner sees its shipment (recipient disclosed for delivery), ships and delivers it"
logistics=$(partner_token "$LOGISTICS_ID" "$LOGISTICS_SECRET" orders:fulfil)
shipment=$(gql "$logistics" '{ shipmentsToFulfil(first: 50) { nodes { id orderNumber recipient { recipientName city postalCode phone } } } }' \
  | jq -r --arg n "$number" '.data.shipmentsToFulfil.nodes[] | select(.orderNumber == $n) | .id')
gql "$logistics" 'mutation($i: UpdateShipmentInput!) { updateShipment(input: $i) { shipment { status trackingNumber } errors { code } } }' \
  "{\"i\":{\"shipmentId\":\"$shipment\",\"status\":\"SHIPPED\",\"trackingNumber\":\"NEX-778812\"}}" >/dev/null
gql "$logistics" 'mutation($i: UpdateShipmentInput!) { updateShipment(input: $i) { shipment { status } errors { code } } }' \
  "{\"i\":{\"shipmentId\":\"$shipment\",\"status\":\"DELIVERED\"}}" >/dev/null

say "7. The customer reads the order: its invoice, history, and who saw their address"
final=$(gql "$customer" 'query($id: ID!) { order(id: $id) { number status invoice { number date } history { to actor at } } myDataDisclosures(first: 3) { nodes { purpose clientId fields } } }' \
  "{\"id\":\"$order_id\"}")
echo "$final" | jq -e '.data.order.status == "DELIVERED"' >/dev/null
echo "journey: order $number delivered"
