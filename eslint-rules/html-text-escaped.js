// A local ESLint rule for the web app: HTML built as a string (an ECharts tooltip formatter's
// answer) escapes every text it joins in. ECharts puts a formatter's string into the page as HTML,
// and names are data (an industry called `<img src=x onerror=…>` in a statistics file), so each
// piece between the formatter's own tags goes through escapeHtml — translations too, so that the
// rule stays one rule. It looks at the three ways such strings are made:
// - a template literal whose text holds a tag: `<b>${escapeHtml(name)}</b>`;
// - `+` with a string holding a tag: '<b>' + escapeHtml(name);
// - `[...].join('<br/>')`: each element escapeHtml(...), a checked template literal, or a spread
//   of `.map(...)` whose callback answers with one of those.

const TAG = /<\/?[a-z][^>]*>/i;

const isEscaped = (node) =>
  node.type === 'CallExpression' &&
  node.callee.type === 'Identifier' &&
  node.callee.name === 'escapeHtml';

const stringValue = (node) =>
  node.type === 'Literal' && typeof node.value === 'string' ? node.value : null;

const hasTag = (node) => {
  const text = stringValue(node);
  if (text !== null) return TAG.test(text);
  return node.type === 'TemplateLiteral' && node.quasis.some((q) => TAG.test(q.value.cooked ?? ''));
};

/** True when an array element of an HTML join is escaped text or checked HTML. */
function isSafeElement(node) {
  if (isEscaped(node) || node.type === 'TemplateLiteral') return true;
  if (stringValue(node) !== null) return true;
  if (node.type === 'SpreadElement') {
    const call = node.argument;
    const callback = call.type === 'CallExpression' ? call.arguments[0] : null;
    if (
      call.type === 'CallExpression' &&
      call.callee.type === 'MemberExpression' &&
      call.callee.property.type === 'Identifier' &&
      call.callee.property.name === 'map' &&
      callback &&
      (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression') &&
      callback.body.type !== 'BlockStatement'
    ) {
      return isSafeElement(callback.body);
    }
  }
  return false;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'HTML built as a string escapes every text it joins in (escapeHtml)' },
    schema: [],
    messages: {
      unescaped:
        'This text goes into HTML (a tooltip formatter answers with HTML): pass it through ' +
        'escapeHtml (web/src/modules/charts/utils/escapeHtml.ts). Names are data, and a name ' +
        'such as <img src=x onerror=…> would run as script.',
    },
  },
  create(context) {
    const report = (node) => context.report({ node, messageId: 'unescaped' });
    return {
      TemplateLiteral(node) {
        if (!hasTag(node)) return;
        for (const expression of node.expressions) if (!isEscaped(expression)) report(expression);
      },
      BinaryExpression(node) {
        if (node.operator !== '+' || !(hasTag(node.left) || hasTag(node.right))) return;
        for (const side of [node.left, node.right]) {
          if (stringValue(side) === null && side.type !== 'TemplateLiteral' && !isEscaped(side)) {
            if (side.type !== 'BinaryExpression') report(side);
          }
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        const separator = node.arguments[0];
        if (
          callee.type !== 'MemberExpression' ||
          callee.property.type !== 'Identifier' ||
          callee.property.name !== 'join' ||
          !separator ||
          !hasTag(separator) ||
          callee.object.type !== 'ArrayExpression'
        ) {
          return;
        }
        for (const element of callee.object.elements) {
          if (element && !isSafeElement(element)) report(element);
        }
      },
    };
  },
};
