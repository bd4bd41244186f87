// Dredd hooks for georeport-v2.yaml: the examples of path ids (OPEN311-REQUEST-ID, OPEN311-TOKEN)
// cannot be real before the gateway has filed anything, so before the run this files one request
// and one deferred request, waits until both are registered in the status loop, and puts their
// service_request_id and token into the paths that name the examples.
const hooks = require('hooks');
const http = require('http');

let requestId = null;
let token = null;

function call(t, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: t.host, port: t.port, method, path,
      headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {},
    }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function until(what, fn) {
  const deadline = Date.now() + 60000;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > deadline) throw new Error('gave up waiting for ' + what);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const form = (fields) => Object.entries(fields).map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');

hooks.beforeAll(async (transactions, done) => {
  try {
    const t = transactions[0];
    const base = '/open311/v2';
    const filed = await call(t, 'POST', base + '/requests.json', form({
      api_key: 'demo-open311-phutho-key', service_code: 'land', description: 'Lấn chiếm đất công (Dredd hooks)',
      address_string: 'xã Sơn Đông, tỉnh Phú Thọ', device_id: 'dredd-hooks',
    }));
    requestId = JSON.parse(filed.body)[0].service_request_id;
    const deferred = await call(t, 'POST', base + '/requests.json', form({
      api_key: 'demo-open311-phutho-key', service_code: 'complaint', description: 'Khiếu nại (Dredd hooks)',
      lat: '21.32', long: '105.40', device_id: 'dredd-hooks',
    }));
    token = JSON.parse(deferred.body)[0].token;
    await until('request ' + requestId, async () => (await call(t, 'GET', base + '/requests/' + requestId + '.json')).status === 200);
    await until('token ' + token, async () => (await call(t, 'GET', base + '/tokens/' + token + '.json')).status === 200);
    hooks.log('filed ' + requestId + ' and deferred ' + token);
    done();
  } catch (e) {
    hooks.log('setup failed: ' + e.stack);
    throw e;
  }
});

// Dredd skips the error responses of a description unless told how to provoke them: each error the
// description lists is provoked here (the 400 of a missing jurisdiction_id needs several
// jurisdictions, the 503 a broker that refuses: those stay skipped, Open311IT and BrokerUnavailableIT
// cover the refusals).
const withForm = (t, change) => {
  const form = new URLSearchParams(t.request.body);
  change(form);
  t.request.body = form.toString();
  t.request.headers['Content-Length'] = Buffer.byteLength(t.request.body);
};
const errors = {
  'GET 404 /open311/v2/services.json': (t) => { t.fullPath = t.fullPath.replace('jurisdiction_id=25', 'jurisdiction_id=01'); },
  'GET 404 /open311/v2/services/{service_code}.json': (t) => { t.fullPath = t.fullPath.replace('road-damage', 'potholes'); },
  'POST 400 /open311/v2/requests.json': (t) => withForm(t, (f) => f.delete('service_code')),
  'POST 403 /open311/v2/requests.json': (t) => withForm(t, (f) => f.set('api_key', 'not-a-key')),
  'POST 404 /open311/v2/requests.json': (t) => withForm(t, (f) => f.set('service_code', 'potholes')),
  // with service_request_id the other filters are ignored (the spec allows it): leave it out
  'GET 400 /open311/v2/requests.json': (t) => {
    t.fullPath = t.fullPath.replace(/service_request_id=[^&]*&?/, '').replace('status=open', 'status=pending');
  },
  'GET 404 /open311/v2/requests/{service_request_id}.json': (t) => { t.fullPath = t.fullPath.replace(requestId, 'PAZZZZZZZZZ'); },
  'GET 404 /open311/v2/tokens/{token}.json': (t) => { t.fullPath = t.fullPath.replace(token, '00000000-0000-5000-8000-000000000000'); },
};

hooks.beforeEach((transaction, done) => {
  transaction.fullPath = transaction.fullPath.replace('OPEN311-REQUEST-ID', requestId).replace('OPEN311-TOKEN', token);
  const template = transaction.fullPath.split('?')[0]
    .replace(requestId, '{service_request_id}').replace(token, '{token}').replace('road-damage', '{service_code}');
  const provoke = errors[transaction.request.method + ' ' + transaction.expected.statusCode + ' ' + template];
  if (provoke) {
    provoke(transaction);
    transaction.skip = false;
  }
  transaction.request.uri = transaction.fullPath;
  done();
});
