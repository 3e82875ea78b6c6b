import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'siti@example.id' }) @IsEmail() email!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) password!: string;
  @ApiPropertyOptional({
    enum: ['cookie', 'body'],
    default: 'body',
    description: '`cookie`: the refresh token is set as an HttpOnly cookie (browsers) and left out of the JSON; `body`: it is in the JSON (API clients)',
  })
  @IsOptional()
  @IsIn(['cookie', 'body'])
  session?: 'cookie' | 'body';
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'API clients send it here; browsers send none and rely on the seleksi_refresh cookie' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class TokenPairResponse {
  @ApiProperty({ description: 'short-lived JWT, signed with the private key' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: string;
  @ApiProperty({ example: 900 }) expiresIn!: number;
  @ApiPropertyOptional({ description: 'opaque, single use: each refresh returns a new one and revokes the old; absent in cookie sessions' })
  refreshToken?: string;
  @ApiProperty({ example: 1209600 }) refreshExpiresIn!: number;
  @ApiProperty({ example: ['applicant'] }) roles!: string[];
}
