// Notifications product: Azure deployment (resource group scope).
// See docs/deploy.md for the commands that deploy this template and publish the app.
targetScope = 'resourceGroup'

@description('Short lowercase prefix (letters and digits, max 8) used in every resource name.')
@minLength(2)
@maxLength(8)
param namePrefix string = 'notif'

@description('Azure region for all resources. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {
  app: 'notifications'
}

@description('Base64 of a random 256-bit AES key that encrypts channel secrets (key id v1). Generate with: openssl rand -base64 32')
@secure()
param channelSecretsKey string

@description('Optional API key for the agent service. When set it is stored in Key Vault as agent-api-key and referenced by Agent__ApiKey.')
@secure()
param agentApiKey string = ''

@description('Base URL of the agent service (Agent__BaseUrl).')
param agentBaseUrl string = ''

@description('NCRONTAB (six fields) for the scheduler timer (TIMER_SCHEDULE).')
param timerSchedule string = '0 * * * * *'

@description('Default log level for the Functions host.')
@allowed([
  'Trace'
  'Debug'
  'Information'
  'Warning'
  'Error'
  'Critical'
  'None'
])
param hostLogLevel string = 'Information'

@description('Storage account redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Grant the identity Storage Blob Data Owner instead of Storage Blob Data Contributor. Contributor is enough for this app; see docs/deploy.md.')
param useBlobDataOwner bool = false

@description('Enable Key Vault purge protection. It cannot be turned off again once enabled; leave false for throw-away environments.')
param keyVaultPurgeProtection bool = true

@description('Days a deleted Key Vault or secret is recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Accept only Entra ID authenticated telemetry in Application Insights. Turn on only when the worker also sends telemetry with the managed identity.')
param appInsightsDisableLocalAuth bool = false

@description('Maximum number of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var prefix = toLower(namePrefix)
// Storage accounts allow only lowercase letters and digits.
var compactPrefix = replace(prefix, '-', '')
var token = uniqueString(resourceGroup().id)
var deploymentContainerName = 'app-package'

var names = {
  identity: '${prefix}-id-${token}'
  workspace: '${prefix}-log-${token}'
  appInsights: '${prefix}-appi-${token}'
  storage: '${compactPrefix}st${token}'
  keyVault: '${compactPrefix}kv${token}'
  plan: '${prefix}-plan-${token}'
  functionApp: '${prefix}-func-${token}'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    disableLocalAuth: appInsightsDisableLocalAuth
    identityPrincipalId: identity.outputs.principalId
    identityResourceId: identity.outputs.id
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    identityPrincipalId: identity.outputs.principalId
    identityResourceId: identity.outputs.id
    useBlobDataOwner: useBlobDataOwner
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    enablePurgeProtection: keyVaultPurgeProtection
    channelSecretsKey: channelSecretsKey
    agentApiKey: agentApiKey
    identityPrincipalId: identity.outputs.principalId
    identityResourceId: identity.outputs.id
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    identityResourceId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVault.outputs.name
    channelSecretsKeySecretName: keyVault.outputs.channelSecretsKeySecretName
    // Agent__ApiKey is set only when the secret is created (agentApiKey not empty).
    agentApiKeySecretName: empty(agentApiKey) ? '' : 'agent-api-key'
    timerSchedule: timerSchedule
    agentBaseUrl: agentBaseUrl
    hostLogLevel: hostLogLevel
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

@description('Name of the Function App.')
output functionAppName string = functionApp.outputs.name

@description('Default host name of the Function App.')
output functionAppDefaultHostName string = functionApp.outputs.defaultHostName

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Name of the Key Vault.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName
