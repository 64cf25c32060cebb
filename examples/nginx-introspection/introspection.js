// nginx auth_request handler (njs): asks Tessera whether the bearer token is active (RFC 7662) and
// hands the caller's name and scope to the API behind nginx. Revoked tokens are refused at once,
// because Tessera answers from its denylist; the price is one call to Tessera per request.
const AUDIENCE = 'tessera-api';

function deny(r) {
  r.headersOut['WWW-Authenticate'] = 'Bearer error="invalid_token"';
  r.return(401);
}

async function check(r) {
  if (!r.variables.bearer_token) return deny(r);
  const reply = await r.subrequest('/_tessera_introspect');
  if (reply.status !== 200) {
    r.error(`introspection answered ${reply.status}`);
    return r.return(500); // fail closed: auth_request turns anything but 2xx/401/403 into an error
  }
  const answer = JSON.parse(reply.responseText);
  // Active is not enough: a refresh token is active too, and the token must be meant for this API.
  const audience = [].concat(answer.aud || []);
  if (!answer.active || answer.token_type !== 'access_token' || audience.indexOf(AUDIENCE) < 0) return deny(r);
  r.headersOut['X-Tessera-User'] = answer.username || answer.sub;
  r.headersOut['X-Tessera-Scope'] = answer.scope || '';
  r.return(204);
}

// Stands in for the API behind nginx in this example: shows what nginx passed on.
function whoami(r) {
  r.headersOut['Content-Type'] = 'application/json';
  r.return(200, JSON.stringify({ stack: 'nginx', name: r.variables.tessera_user,
    scope: r.variables.tessera_scope ? r.variables.tessera_scope.split(' ') : [], roles: [] }));
}

export default { check, whoami };
