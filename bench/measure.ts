import { arch, cpus, platform, totalmem } from 'node:os'

/** Throughput of `run` (calls per second): warm up, then the median of several timed rounds. */
export function throughput(run: () => unknown, { rounds = 7, minMs = 150 } = {}): number {
  for (let i = 0; i < 50; i++) run()
  const rates: number[] = []
  for (let r = 0; r < rounds; r++) {
    let calls = 0
    const start = performance.now()
    let elapsed = 0
    do {
      run()
      calls++
      elapsed = performance.now() - start
    } while (elapsed < minMs)
    rates.push((calls / elapsed) * 1000)
  }
  rates.sort((a, b) => a - b)
  return rates[Math.floor(rates.length / 2)] as number
}

/** One line naming the machine, for results files. */
export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown cpu'
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${arch()}, Node ${process.version}`
}
