// Declaration files that resolve under node16/nodenext as well as bundler resolution: TypeScript
// writes extensionless relative imports, which nodenext rejects, so tsc-alias gives each one its
// full `.js` path. tsc-alias finds a path by the emitted `.js` beside it, so JavaScript is emitted
// with the declarations and then removed: the published JavaScript is Vite's bundle, not this.
import { execFileSync } from 'node:child_process'
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const outDir = 'dist/types'
const run = (bin, args) => execFileSync(join('node_modules/.bin', bin), args, { stdio: 'inherit' })

rmSync(outDir, { recursive: true, force: true })
run('tsc', ['-p', 'tsconfig.build.json'])
run('tsc-alias', ['-p', 'tsconfig.build.json', '--resolve-full-paths'])
for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith('.js')) rmSync(join(entry.parentPath, entry.name))
}

// `import 'realtime-agent-kit/styles.css'` type-checks without a bundler's `*.css` declaration.
writeFileSync(
  join('dist', 'styles.css.d.ts'),
  '// The stylesheet has no exports: import it for its side effect.\nexport {}\n',
)
