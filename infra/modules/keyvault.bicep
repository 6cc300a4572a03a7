// Key Vault (RBAC authorization) holding the channel-secrets encryption key and, optionally,
// the agent API key. The app reads them only through Key Vault references resolved with the
// user-assigned identity, which gets Key Vault Secrets User on this vault and nothing more.

@description('Key Vault name (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Days a deleted vault or secret is kept before it can be purged.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Enable purge protection. Once enabled it cannot be turned off for this vault.')
param enablePurgeProtection bool

@description('Base64 of a 256-bit AES key used to encrypt channel secrets (key id v1).')
@secure()
param channelSecretsKey string

@description('API key for the agent service. Leave empty to skip creating the agent-api-key secret.')
@secure()
param agentApiKey string

@description('Principal (object) id of the app\'s managed identity.')
param identityPrincipalId string

@description('Resource id of that managed identity; used only to derive a stable role assignment name.')
param identityResourceId string

// Built-in role: Key Vault Secrets User.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Purge protection cannot be set to false explicitly; omit the property to leave it off.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource channelKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'channel-secrets-key-v1'
  properties: {
    value: channelSecretsKey
    contentType: 'application/octet-stream; encoding=base64; aes-256'
  }
}

resource agentApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(agentApiKey)) {
  parent: vault
  name: 'agent-api-key'
  properties: {
    value: agentApiKey
    contentType: 'text/plain'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityResourceId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output id string = vault.id
output channelSecretsKeySecretName string = channelKeySecret.name
