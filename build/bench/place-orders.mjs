// placeOrder benchmark driver (not a test). Usage: node place-orders.mjs URL TOKEN ADDRESS_ID ORDERS CONCURRENCY
// Setup (not timed): ORDERS anonymous carts, each with 1 to 3 products drawn from every active product id.
// Timed: ORDERS placeOrder calls with unique idempotency keys, CONCURRENCY at a time. Prints one RESULT line.
const [url, token, address, ordersArg, concurrencyArg] = process.argv.slice(2);
const orders = Number(ordersArg), concurrency = Number(concurrencyArg);

async function gql(query, variables, auth) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (response.status !== 200 || body.errors) throw new Error(JSON.stringify(body));
  return body.data;
}

async function pool(count, work) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) { const i = next++; await work(i); }
  }));
}

// Every active product with stock, by global id: the orders spread over all of them (hot rows would serialise).
const products = [];
for (let after = null; ;) {
  const page = (await gql('query($after: String) { products(first: 50, after: $after, where: { stock: { gt: 0 } }) { nodes { id } pageInfo { hasNextPage endCursor } } }', { after })).products;
  products.push(...page.nodes.map(n => n.id));
  if (!page.pageInfo.hasNextPage) break;
  after = page.pageInfo.endCursor;
}
// A seeded generator (mulberry32, 32-bit integer arithmetic), so every run draws the same carts. The LCG used before
// multiplied past 2^53 in floating point and took the low bits: some products came up a hundred times more often than
// others, which made hot rows and emptied their stock.
let seed = 20261203;
const random = n => {
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
};
const carts = new Array(orders);
await pool(orders, async i => {
  const cart = (await gql('mutation { createCart { cart { id } } }')).createCart.cart.id;
  const lines = 1 + random(3);
  for (let l = 0; l < lines; l++) {
    await gql('mutation($i: AddCartLineInput!) { addCartLine(input: $i) { errors { code } } }',
      { i: { cartId: cart, productId: products[random(products.length)], quantity: 1 } });
  }
  carts[i] = cart;
});

let placed = 0, refused = 0, failed = 0;
const reasons = {};
console.error(`placing ${orders} orders`);
const started = process.hrtime.bigint();
await pool(orders, async i => {
  try {
    const result = (await gql('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { number } errors { code } } }',
      { i: { cartId: carts[i], shippingAddressId: address, paymentMethod: 'PREPAID', idempotencyKey: `bench-${i}-${started}` } }, token)).placeOrder;
    if (result.order) placed++;
    else { refused++; for (const e of result.errors) reasons[e.code] = (reasons[e.code] ?? 0) + 1; }
  } catch (e) {
    failed++;
    if (failed <= 3) console.error(String(e).slice(0, 300));
  }
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`RESULT orders=${orders} placed=${placed} refused=${refused} failed=${failed} seconds=${seconds.toFixed(2)} orders_per_s=${(placed / seconds).toFixed(1)} products=${products.length}`
  + (refused ? ` refusals=${Object.entries(reasons).map(([code, n]) => `${code}:${n}`).join(',')}` : ''));
