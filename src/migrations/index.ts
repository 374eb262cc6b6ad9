import * as migration_20261122_203230_initial from './20261122_203230_initial'
import * as migration_20261122_204659_content from './20261122_204659_content'
import * as migration_20261122_205944_counting from './20261122_205944_counting'

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
  {
    up: migration_20261122_205944_counting.up,
    down: migration_20261122_205944_counting.down,
    name: '20261122_205944_counting',
  },
]
