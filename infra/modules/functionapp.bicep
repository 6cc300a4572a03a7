// Flex Consumption plan + .NET isolated Function App. All connections are identity based
// through one user-assigned identity; secrets come from Key Vault references.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App.')
param appName string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Resource id of the user-assigned managed identity.')
param identityResourceId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Storage account name.')
param storageAccountName string

@description('Blob endpoint of the storage account.')
param blobEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('URL of the blob container the plan deploys the app package from.')
param deploymentContainerUrl string

@description('Application Insights connection string (not a secret: it only names the ingestion endpoint).')
param appInsightsConnectionString string

@description('Key Vault name used in Key Vault references.')
param keyVaultName string

@description('Name of the Key Vault secret with the channel-secrets AES key (key id v1).')
param channelSecretsKeySecretName string

@description('Name of the Key Vault secret with the agent API key; empty to leave Agent__ApiKey unset.')
param agentApiKeySecretName string

@description('NCRONTAB (six fields) for the scheduler timer.')
param timerSchedule string

@description('Base URL of the agent service; may be empty.')
param agentBaseUrl string

@description('Default log level for the Functions host.')
param hostLogLevel string

@description('Upper bound of instances the plan may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory size of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

var identityConnectionSettings = [
  // Functions host storage (triggers' leases, timer schedule monitor, host keys).
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storageAccountName
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
  // The app's own data: queues, tables and the results/charts containers.
  {
    name: 'NotificationStorage__blobServiceUri'
    value: blobEndpoint
  }
  {
    name: 'NotificationStorage__queueServiceUri'
    value: queueEndpoint
  }
  {
    name: 'NotificationStorage__tableServiceUri'
    value: tableEndpoint
  }
  {
    name: 'NotificationStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'NotificationStorage__clientId'
    value: identityClientId
  }
]

var monitoringSettings = [
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsightsConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'Authorization=AAD;ClientId=${identityClientId}'
  }
  {
    name: 'AzureFunctionsJobHost__logging__logLevel__default'
    value: hostLogLevel
  }
]

var appSpecificSettings = [
  {
    name: 'TIMER_SCHEDULE'
    value: timerSchedule
  }
  {
    name: 'ChannelSecrets__ActiveKeyId'
    value: 'v1'
  }
  {
    name: 'ChannelSecrets__Keys__v1'
    value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${channelSecretsKeySecretName})'
  }
  {
    name: 'Agent__BaseUrl'
    value: agentBaseUrl
  }
]

var agentKeySettings = empty(agentApiKeySecretName)
  ? []
  : [
      {
        name: 'Agent__ApiKey'
        value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${agentApiKeySecretName})'
      }
    ]

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(identityConnectionSettings, monitoringSettings, appSpecificSettings, agentKeySettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Turn off basic (user name / password) publishing credentials for FTP and SCM.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
