// Reads records from a subscriber's queue with rhea, a stock AMQP 1.0 client for Node.js.
//   npm install rhea
//   node read-feed.mjs province-25 demo-province-25-secret lienthong.complaints::province-25 [host] [port]
// (port: default 61616, or LIENTHONG_BROKER_PORT)
// Prints each record (canonical JSON) with its tracking code, acknowledges it, and stops after
// three seconds without a new message.
import rhea from 'rhea';

const [user, password, queue, host = '127.0.0.1', port = process.env.LIENTHONG_BROKER_PORT || '61616'] = process.argv.slice(2);
if (!queue) {
  console.error('usage: node read-feed.mjs <subscriber> <password> <address::queue> [host] [port]');
  process.exit(2);
}
const container = rhea.create_container();
let idle;
const stopSoon = (connection) => {
  clearTimeout(idle);
  idle = setTimeout(() => connection.close(), 3000);
};
container.on('connection_open', (context) => {
  context.connection.open_receiver({ source: { address: queue, capabilities: ['queue'] }, autoaccept: true });
  stopSoon(context.connection);
});
container.on('message', (context) => {
  const m = context.message;
  const body = Buffer.isBuffer(m.body) ? m.body.toString('utf8')
    : m.body && m.body.content ? Buffer.from(m.body.content).toString('utf8') : String(m.body);
  const props = m.application_properties || {};
  console.log(`--- ${props.trackingCode} (${props.kind}, province ${props.provinceCode ?? '-'})`);
  console.log(JSON.stringify(JSON.parse(body), null, 2));
  stopSoon(context.connection);
});
// The broker's reason for a refusal (wrong password, a queue that is not this subscriber's) arrives
// as an AMQP error condition on the connection or the receiver: print it, not just "error".
const reason = (e) => {
  if (!e) return 'connection closed';
  const text = e.condition || e.description ? [e.condition, e.description].filter(Boolean).join(': ') : e.message || String(e);
  // a SASL refusal carries no words of the broker's, only its outcome code
  return /Failed to authenticate/.test(text) ? `the broker refused the user or password (${text})` : text;
};
let failed = false;
const fail = (e) => {
  if (failed) return;
  failed = true;
  console.error('error:', reason(e));
  process.exitCode = 1;
};
container.on('connection_error', (context) => fail(context.error || context.connection.error));
container.on('receiver_error', (context) => { fail(context.receiver.error); context.connection.close(); });
container.on('disconnected', (context) => { if (context.error) fail(context.error); });
container.on('error', (context) => fail(context.error
  || (context.receiver && context.receiver.error) || (context.connection && context.connection.error)));
container.connect({ host, port: Number(port), username: user, password, reconnect: false });
