import type { Rule } from 'eslint';

/** Reports imports by which sibling folders under src/services would import each other in a loop. */
declare const rule: Rule.RuleModule;
export default rule;
