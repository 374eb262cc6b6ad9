import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { guardApiRequest } from '../../../../http/guardApiRequest'

export const POST = guardApiRequest(GRAPHQL_POST(config), { config })
export const OPTIONS = REST_OPTIONS(config)
