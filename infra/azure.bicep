// Samverkan's Azure resources, deployed by `atk provision` (m365agents.yml, arm/deploy)
// with the values in azure.parameters.json. Shaped like the Microsoft 365 Agents
// Toolkit's TypeScript bot template, with what this bot needs besides: Linux App
// Service with Always On (the durable scheduler's timer runs in the process),
// Table Storage, Application Insights, and the bot's settings as src/config.ts reads them.

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('App Service plan SKU. Always On needs Basic (B1) or higher; F1 and D1 do not have it.')
param webAppSKU string = 'B1'

@maxLength(42)
param botDisplayName string

@description('The organisation file: a path relative to the repository root (deployed with the app) or a preset name.')
param orgConfig string

@secure()
@minLength(32)
@description('IDENTIFIER_KEY: secret for keyed hashes of personal identifiers. Keep it stable: consents are found by hashes made with it.')
param identifierKey string

@secure()
@minLength(24)
@description('ADMIN_TOKEN: bearer token of POST /api/jobs/run, for an external timer besides the in-process one.')
param adminToken string

@description('Prefix of every table name.')
param tablePrefix string = 'samverkan'

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('Node.js on App Service for Linux; package.json engines allows 20.11 up to 22.')
param linuxFxVersion string = 'NODE|22-lts'

param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param identityName string = resourceBaseName
param storageName string = 'st${uniqueString(resourceGroup().id, resourceBaseName)}'
param location string = resourceGroup().location

// Where App Service mounts the deployed package; an organisation file is found there by an absolute path.
var siteRoot = '/home/site/wwwroot'
// Preset names have no dot; file names do (.yaml, .yml, .json).
var orgConfigSetting = contains(orgConfig, '.') ? '${siteRoot}/${orgConfig}' : orgConfig

// The bot's identity: Bot Framework tokens (BOT_TYPE=UserAssignedMSI), no password to rotate.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: identityName
}

// Table Storage: meetings, consents, the audit log, the scheduler's jobs. The bot creates its tables on start.
resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: resourceBaseName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: resourceBaseName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

// Compute resources for the Web App: Linux.
resource serverfarm 'Microsoft.Web/serverfarms@2022-09-01' = {
  kind: 'linux'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSKU
  }
  properties: {
    reserved: true
  }
}

// The Web App that hosts the bot.
resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // The in-process timer ticks the durable scheduler (reminders, reviews, digests): the site must not idle out.
      alwaysOn: true
      // Not `npm start`, which is the local development runner (Azurite, Playground).
      appCommandLine: 'node --disable-warning=DEP0111 dist/index.js'
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1' // Run from the zip that `atk deploy` uploads (build/deploy, production dependencies only)
        }
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'HOST'
          value: '0.0.0.0'
        }
        {
          name: 'PORT'
          value: '8080' // App Service for Linux forwards to 8080 by default
        }
        {
          name: 'PUBLIC_URL'
          value: 'https://${webAppName}.azurewebsites.net'
        }
        {
          name: 'BOT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'BOT_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'BOT_TYPE'
          value: 'UserAssignedMSI'
        }
        {
          name: 'STORAGE_CONNECTION_STRING'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        {
          name: 'TABLE_PREFIX'
          value: tablePrefix
        }
        {
          name: 'ORG_CONFIG'
          value: orgConfigSetting
        }
        {
          name: 'IDENTIFIER_KEY'
          value: identifierKey
        }
        {
          name: 'ADMIN_TOKEN'
          value: adminToken
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'LOG_FORMAT'
          value: 'json'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ]
    }
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
}

// Register the web app as a bot with the Bot Framework, single tenant through the managed identity.
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

// Written to env/.env.<env> by arm/deploy (https://aka.ms/teamsfx-actions/arm-deploy) and read by
// m365agents.yml (deploy) and the manifest (${{BOT_ID}}, ${{BOT_DOMAIN}}).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_AZURE_RESOURCE_ID string = azureBotRegistration.outputs.botServiceResourceId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
