# Parley identity verification from a Ruby backend -- standard library only.
#
# Usage:  ruby examples/identity/ruby.rb <userId> <workspaceIdentitySecret>
#
# Prints the two proofs Parley accepts for a signed-in user:
#   userHash      = hex(HMAC-SHA256(secret, userId))            -- never expires
#   identityToken = JWT, HS256, { sub: userId, iat, exp: +1 h } -- expires; prefer it
# Compute them on your server and render them into the page; never ship the secret.
require 'openssl'
require 'base64' # Ruby 3.4+ under Bundler: add gem "base64" to the Gemfile
require 'json'

module ParleyIdentity
  module_function

  def user_hash(secret, user_id)
    OpenSSL::HMAC.hexdigest('SHA256', secret, user_id)
  end

  def b64url(data)
    Base64.urlsafe_encode64(data, padding: false)
  end

  # A compact HS256 JWT. `claims` may add traits, name, email. Keep lifetimes short (<= 1 h).
  def identity_token(secret, user_id, claims = {}, lifetime_sec = 3600)
    now = Time.now.to_i
    header = b64url(JSON.generate({ alg: 'HS256', typ: 'JWT' }))
    payload = b64url(JSON.generate(claims.merge(sub: user_id, iat: now, exp: now + lifetime_sec)))
    signature = b64url(OpenSSL::HMAC.digest('SHA256', secret, "#{header}.#{payload}"))
    "#{header}.#{payload}.#{signature}"
  end
end

if $PROGRAM_NAME == __FILE__
  if ARGV.length != 2
    warn 'usage: ruby ruby.rb <userId> <workspaceIdentitySecret>'
    exit 2
  end
  user_id, secret = ARGV
  puts "userHash=#{ParleyIdentity.user_hash(secret, user_id)}"
  puts "identityToken=#{ParleyIdentity.identity_token(secret, user_id)}"
end
