// Storage account used both as the Functions host storage (AzureWebJobsStorage) and as the
// app's own NotificationStorage connection. Identity-only: shared keys are disabled, so no
// connection string or account key ever appears in app settings.

@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Storage account redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param skuName string

@description('Name of the blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Principal (object) id of the app\'s managed identity.')
param identityPrincipalId string

@description('Resource id of that managed identity; used only to derive stable role assignment names.')
param identityResourceId string

@description('Grant Storage Blob Data Owner instead of Storage Blob Data Contributor (see docs/deploy.md).')
param useBlobDataOwner bool

@description('Days to keep run results and chart PNGs in Blob Storage.')
@minValue(8)
param runBlobRetentionDays int = 30

var queueNames = [
  'schedule-runs'
  'schedule-runs-poison'
  'deliveries'
  'deliveries-poison'
]

var tableNames = [
  'Channels'
  'Schedules'
  'ScheduleDue'
  'Runs'
]

var containerNames = [
  'results'
  'charts'
  deploymentContainerName
]

// Built-in role definition ids.
var roles = {
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

var assignedRoleIds = [
  useBlobDataOwner ? roles.blobDataOwner : roles.blobDataContributor
  roles.queueDataContributor
  roles.tableDataContributor
]

resource account 'Microsoft.Storage/storageAccounts@2025-08-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      // Charts are shared through short-lived user-delegation SAS URLs, never anonymously.
      publicAccess: 'None'
    }
  }
]

// Run results, chart PNGs and Telegram send progress are only needed while a run is delivered and looked at;
// chart links expire after 7 days anyway.
resource runBlobLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-08-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          enabled: true
          name: 'expire-run-blobs'
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'results/'
                'charts/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: runBlobRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-08-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-08-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-08-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-08-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource dataRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in assignedRoleIds: {
    name: guid(account.id, identityResourceId, roleId)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
