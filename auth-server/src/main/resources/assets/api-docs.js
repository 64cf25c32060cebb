// Starts Swagger UI on /api-docs with the server's own /openapi.yml. Loaded with the page's CSP nonce.
(function () {
  'use strict';
  const root = document.getElementById('swagger-ui');
  window.SwaggerUIBundle({ url: root.dataset.spec, domNode: root, deepLinking: true });
})();
