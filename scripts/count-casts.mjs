// Counts type assertions (`expr as T`) in the TypeScript files of a folder, so their number can
// only go down. Usage: node scripts/count-casts.mjs [folder, default src/core] [--max N]
//
// What counts: every `as T` after an expression, `as unknown as T` being two. What does not:
// `as const`, renames in import and export lists (`import { a as b }`, `export * as ns`), mapped
// type key remapping (`[K in T as U]`), the word in comments, strings, template text and regular
// expressions, and files whose first lines say they are generated. The source is tokenized, not
// type-checked: no dependency, and fast enough to run on every check.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const GENERATED =
  /@generated\b|\bauto-?generated\b|\bgenerated (?:by|from)\b|\bfile (?:is|was) generated\b|\bdo not edit\b/i
const GENERATED_HEADER_LINES = 5

// Identifiers that cannot end an expression: a `/` after them starts a regular expression, and
// an `as` after them is not an assertion.
const OPERATOR_WORDS = new Set([
  'as',
  'await',
  'case',
  'delete',
  'do',
  'else',
  'export',
  'extends',
  'import',
  'in',
  'instanceof',
  'keyof',
  'new',
  'of',
  'return',
  'satisfies',
  'throw',
  'typeof',
  'void',
  'yield',
])

// Longest first, so `>>>=` is one token and not `>`, `>`, `>=`.
const PUNCTUATORS = [
  '>>>=',
  '...',
  '===',
  '!==',
  '**=',
  '<<=',
  '>>=',
  '>>>',
  '&&=',
  '||=',
  '??=',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<',
  '>>',
  '**',
]

const isIdentStart = (c) => /[A-Za-z_$\u0080-\uffff]/.test(c)
const isIdentPart = (c) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c)

/** Whether a token can be the last one of an expression (so `as` after it is an assertion). */
function endsExpression(token) {
  if (!token) return false
  switch (token.kind) {
    case 'ident':
      return !OPERATOR_WORDS.has(token.value)
    case 'number':
    case 'string':
    case 'template':
    case 'regex':
      return true
    case 'punct':
      // `!` here is the non-null assertion; `>` closes the type arguments of an earlier assertion.
      return [')', ']', '}', '!', '>', '>>', '>>>'].includes(token.value)
    default:
      return false
  }
}

/** Whether a token can start the type of an assertion (`as const` is handled by the caller). */
function startsType(token) {
  if (!token) return false
  if (token.kind === 'ident' || token.kind === 'string' || token.kind === 'number') return true
  if (token.kind === 'template' || token.kind === 'template-head') return true
  return token.kind === 'punct' && ['{', '(', '[', '<', '-'].includes(token.value)
}

/**
 * Splits TypeScript source into tokens, dropping comments and keeping strings, template text and
 * regular expressions as single tokens. Each token carries its line.
 */
function tokenize(source) {
  const tokens = []
  // What each open `{` belongs to: a block or object, or a `${` inside a template literal.
  const braces = []
  let line = 1
  let i = 0
  const push = (kind, value, at) => tokens.push({ kind, value, line: at })

  // Reads template text from `i` (just after a backtick or a `}` that closes `${`).
  const readTemplate = (startLine) => {
    while (i < source.length) {
      const c = source[i]
      if (c === '\\') {
        if (source[i + 1] === '\n') line++
        i += 2
      } else if (c === '`') {
        i++
        push('template', '`', startLine)
        return
      } else if (c === '$' && source[i + 1] === '{') {
        i += 2
        braces.push('template')
        push('template-head', '${', startLine)
        return
      } else {
        if (c === '\n') line++
        i++
      }
    }
  }

  while (i < source.length) {
    const c = source[i]
    const next = source[i + 1]
    if (c === '\n') {
      line++
      i++
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      const stop = end < 0 ? source.length : end + 2
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++
      i = stop
    } else if (c === '"' || c === "'") {
      const at = line
      i++
      while (i < source.length && source[i] !== c && source[i] !== '\n') {
        // A backslash before a line break continues the string on the next line.
        if (source[i] === '\\' && source[i + 1] === '\n') line++
        i += source[i] === '\\' ? 2 : 1
      }
      i++
      push('string', c, at)
    } else if (c === '`') {
      i++
      readTemplate(line)
    } else if (c === '}' && braces.at(-1) === 'template') {
      braces.pop()
      i++
      readTemplate(line)
    } else if (c === '/' && !endsExpression(tokens.at(-1))) {
      const at = line
      let inClass = false
      i++
      while (i < source.length && source[i] !== '\n') {
        const r = source[i]
        if (r === '\\') i++
        else if (r === '[') inClass = true
        else if (r === ']') inClass = false
        else if (r === '/' && !inClass) break
        i++
      }
      i++
      while (i < source.length && isIdentPart(source[i])) i++
      push('regex', '/', at)
    } else if (isIdentStart(c)) {
      const start = i
      while (i < source.length && isIdentPart(source[i])) i++
      push('ident', source.slice(start, i), line)
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(next ?? ''))) {
      const start = i
      while (i < source.length && /[0-9A-Za-z_.]/.test(source[i])) i++
      push('number', source.slice(start, i), line)
    } else {
      const punct = PUNCTUATORS.find((p) => source.startsWith(p, i)) ?? c
      if (punct === '{') braces.push('brace')
      else if (punct === '}') braces.pop()
      i += punct.length
      push('punct', punct, line)
    }
  }
  return tokens
}

/** Index ranges of `{ ... }` lists in import and export declarations, where `as` renames. */
function specifierLists(tokens) {
  const ranges = []
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].value
    if (tokens[i].kind !== 'ident' || (word !== 'import' && word !== 'export')) continue
    if (tokens[i - 1]?.value === '.') continue
    let j = i + 1
    if (tokens[j]?.value === 'type') j++
    // `import Default, { a as b } from '...'`
    if (word === 'import' && tokens[j]?.kind === 'ident' && tokens[j + 1]?.value === ',') j += 2
    if (tokens[j]?.value !== '{') continue
    let end = j + 1
    while (end < tokens.length && tokens[end].value !== '}') end++
    ranges.push([j, end])
  }
  return ranges
}

/** Whether the `as` at `index` renames a mapped type's key: `[K in T as U]`. */
function remapsKey(tokens, index) {
  let depth = 0
  for (let k = index - 1; k >= 0; k--) {
    const v = tokens[k].kind === 'punct' ? tokens[k].value : null
    if (v === ']' || v === ')' || v === '}') depth++
    else if (v === '(' || v === '{') {
      if (depth === 0) return false
      depth--
    } else if (v === '[') {
      if (depth > 0) {
        depth--
        continue
      }
      return tokens[k + 1]?.kind === 'ident' && tokens[k + 2]?.value === 'in'
    }
  }
  return false
}

/** The lines (1-based) of every type assertion in a TypeScript source, one entry per assertion. */
function findCasts(source) {
  const tokens = tokenize(source)
  const lists = specifierLists(tokens)
  const lines = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token.kind !== 'ident' || token.value !== 'as') continue
    const next = tokens[i + 1]
    if (!endsExpression(tokens[i - 1]) || !startsType(next)) continue
    if (next.kind === 'ident' && next.value === 'const') continue
    if (lists.some(([from, to]) => i > from && i < to)) continue
    if (remapsKey(tokens, i)) continue
    lines.push(token.line)
  }
  return lines
}

/** Whether a file says in its first lines that a tool wrote it. */
function isGenerated(source) {
  return GENERATED.test(source.split('\n', GENERATED_HEADER_LINES).join('\n'))
}

function listFiles(dir) {
  const files = []
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...listFiles(path))
    } else if (/\.[cm]?ts$/.test(entry.name)) {
      files.push(path)
    }
  }
  return files
}

function fail(message) {
  console.error(`count-casts: ${message}`)
  console.error('Usage: node scripts/count-casts.mjs [folder] [--max N]')
  process.exit(2)
}

function main(args) {
  let folder = 'src/core'
  let max = null
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '--max') {
      const value = args[++k]
      if (!/^\d+$/.test(value ?? '')) fail(`--max needs a whole number, not "${value ?? ''}".`)
      max = Number(value)
    } else if (args[k].startsWith('-')) {
      fail(`unknown option "${args[k]}".`)
    } else {
      folder = args[k]
    }
  }
  let isFolder = false
  try {
    isFolder = statSync(folder).isDirectory()
  } catch {}
  if (!isFolder) fail(`"${folder}" is not a folder.`)

  let total = 0
  for (const file of listFiles(folder)) {
    const source = readFileSync(file, 'utf8')
    if (isGenerated(source)) continue
    const text = source.split('\n')
    for (const line of findCasts(source)) {
      console.log(`${relative(process.cwd(), file)}:${line}: ${text[line - 1].trim()}`)
      total++
    }
  }
  console.log(`${total} type assertion${total === 1 ? '' : 's'} (\`as\`) in ${folder}`)
  if (max !== null && total > max) {
    console.error(
      `More than ${max}: type the values instead (a type guard, a generic, an overload, a \`!\` on an index known to be in range).`,
    )
    process.exit(1)
  }
}

main(process.argv.slice(2))
