import { createAppConfig } from './appConfig'

export default createAppConfig()
