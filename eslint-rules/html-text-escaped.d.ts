import type { Rule } from 'eslint';

/** Reports text joined into an HTML string (a chart tooltip) without escapeHtml. */
declare const rule: Rule.RuleModule;
export default rule;
