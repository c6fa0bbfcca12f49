/**
 * `custom-elements.json` (`npm run build` writes it to dist/; package.json's `customElements`
 * points at it): every element's tag, attributes, properties, events, parts and custom
 * properties, read from the component classes and their JSDoc headers by
 * `@custom-elements-manifest/analyzer`, for editors and Storybook's docs.
 */

/**
 * The elements are defined through `defineElement('tag', Class)` (src/define.ts, which warns
 * instead of throwing when a second copy defines a tag), not `customElements.define`, which is
 * all the analyzer recognises: this records those calls as it records `customElements.define`
 * (the class then gets its `tagName` and counts as a custom element).
 */
function defineElementCalls() {
  return {
    name: 'interview-studio-define-element',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      const imported = context.imports?.find((i) => i.name === element.text && !i.isBareModuleSpecifier);
      // `./home.component.js` from src/components/home/home.ts: the module the class is declared in.
      const module = imported
        ? new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname.slice(1).replace(/\.js$/, '.ts')
        : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text, module } },
      ];
    },
  };
}

/**
 * Two rules of Lit's `static properties` the analyzer does not apply: a `state: true` property is
 * the element's internal state (no attribute, not public API), and an attribute's name is the
 * property's name in lower case unless `attribute: 'name'` says otherwise.
 */
function litStaticProperties() {
  /** By `module#Class`: the state properties, and those that name their attribute. */
  const found = new Map();
  return {
    name: 'interview-studio-lit-static-properties',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declared = node.members.find(
        (m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties' && m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword),
      );
      if (!declared?.initializer || !ts.isObjectLiteralExpression(declared.initializer)) return;
      const state = new Set();
      const named = new Set();
      for (const property of declared.initializer.properties) {
        if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
        const options = new Map(property.initializer.properties.filter(ts.isPropertyAssignment).map((o) => [o.name.getText(), o.initializer]));
        if (options.get('state')?.kind === ts.SyntaxKind.TrueKeyword) state.add(property.name.getText());
        if (options.has('attribute') && ts.isStringLiteral(options.get('attribute'))) named.add(property.name.getText());
      }
      found.set(`${moduleDoc.path}#${node.name.text}`, { state, named });
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const rules = found.get(`${moduleDoc.path}#${declaration.name}`);
        if (!rules) continue;
        declaration.attributes = declaration.attributes?.filter((a) => !rules.state.has(a.fieldName));
        for (const attribute of declaration.attributes ?? []) {
          if (attribute.fieldName && !rules.named.has(attribute.fieldName)) attribute.name = attribute.fieldName.toLowerCase();
        }
        for (const member of declaration.members ?? []) {
          if (rules.state.has(member.name)) delete member.attribute;
          else if (member.attribute && !rules.named.has(member.name)) member.attribute = member.name.toLowerCase();
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself; the analyzer would rewrite the field on every build.
  packagejson: false,
  plugins: [defineElementCalls(), litStaticProperties()],
};
