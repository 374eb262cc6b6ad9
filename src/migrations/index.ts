import * as migration_20261122_203230_initial from './20261122_203230_initial'
import * as migration_20261122_204659_content from './20261122_204659_content'

export const migrations = [
  {
    up: migration_20261122_203230_initial.up,
    down: migration_20261122_203230_initial.down,
    name: '20261122_203230_initial',
  },
  {
    up: migration_20261122_204659_content.up,
    down: migration_20261122_204659_content.down,
    name: '20261122_204659_content',
  },
]
