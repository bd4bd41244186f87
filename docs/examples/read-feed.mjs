// Reads records from a subscriber's queue with rhea, a stock AMQP 1.0 client for Node.js.
//   npm install rhea
//   node read-feed.mjs province-25 demo-province-25-secret lienthong.complaints::province-25 [host] [port]
// Prints each record (canonical JSON) with its tracking code, acknowledges it, and stops after
// three seconds without a new message.
import rhea from 'rhea';

const [user, password, queue, host = '127.0.0.1', port = '61616'] = process.argv.slice(2);
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
container.on('error', (context) => {
  console.error('error:', context.error && context.error.message ? context.error.message : context.error);
  process.exitCode = 1;
});
container.connect({ host, port: Number(port), username: user, password, reconnect: false });
