import * as migration_20261122_203230_initial from './20261122_203230_initial'

export const migrations = [
  {
    up: migration_20261122_203230_initial.up,
    down: migration_20261122_203230_initial.down,
    name: '20261122_203230_initial',
  },
]
